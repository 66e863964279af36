/**
 * Images in tickets (issue 12, finding 6): anyone may file a ticket, so an image from the
 * filer's own server would report who opened it and when. Only Wharf's own paths
 * (attachments) and `WHARF_IMAGE_HOSTS` load; any other image is shown as a link.
 */
import { testBackends } from "@wharf/core/testing"
import type { TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { renderMarkdown } from "./markdown"
import { newTicket, signedIn, startHelpdesk } from "./testkit"

const sources = { publicUrl: "https://wharf.example.com", imageHosts: ["images.example.com"] }

describe("images in Markdown", () => {
  it("load from Wharf itself and the allowed hosts", () => {
    for (const src of [
      "/api/v1/tickets/10001/attachments/abc",
      "https://wharf.example.com/logo.png",
      "https://images.example.com/diagram.png"
    ])
      expect(renderMarkdown(`![图](${src})`, sources)).toContain(`<img src="${src}" alt="图" />`)
  })

  it("from anywhere else become links, which load nothing until followed", () => {
    for (const src of [
      "https://tracker.example.net/pixel.png?who=agent",
      "http://images.example.com/diagram.png",
      "//tracker.example.net/pixel.png",
      "https://images.example.com.evil.net/p.png",
      "https://user@tracker.example.net/p.png"
    ]) {
      const html = renderMarkdown(`![日志截图](${src})`, sources)
      expect(html).not.toContain("<img")
      expect(html).toContain(">日志截图</a>")
    }
    // Raw HTML is escaped before it could be an image at all.
    expect(renderMarkdown('<img src="https://tracker.example.net/p.png">', sources)).not.toContain("<img")
  })
})

describe.each(testBackends())("a ticket's images on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startHelpdesk(backend, { env: { WHARF_IMAGE_HOSTS: "images.example.com" } })
  })
  afterAll(() => wharf?.stop())

  it("an agent opening a ticket loads no image from the filer's server", async () => {
    const customer = await signedIn(wharf, "zhang.min@example.com")
    const number = await newTicket(customer, {
      description: "![pixel](https://tracker.example.net/p.png) ![图](https://images.example.com/a.png)"
    })
    const agent = await signedIn(wharf, "wang.fang@example.com")
    await agent.rest("POST", `/tickets/${number}/replies`, { body: "![again](//tracker.example.net/q.png)" })
    const seen = (await agent.rest("GET", `/tickets/${number}`)).body
    const html = `${seen.descriptionHtml}${seen.thread.map((m: { html: string }) => m.html).join("")}`
    expect(html).not.toMatch(/<img[^>]+tracker/)
    expect(html).toContain('<img src="https://images.example.com/a.png"')
    expect(html).toContain('href="https://tracker.example.net/p.png"')
  })
})
