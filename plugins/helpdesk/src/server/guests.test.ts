import { existsSync } from "node:fs"
import { join } from "node:path"
import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { categoryId, outbox, signedIn, startHelpdesk } from "./testkit"

const GUEST = "guest.user@example.org"

const linkIn = (text: string) => {
  const match = text.match(/\/guest\/tickets\/(\d+)\?token=([\w-]+)/)
  if (!match) throw new Error(`no guest link in: ${text}`)
  return { number: Number(match[1]), token: match[2]! }
}

describe.each(testBackends())("guest tickets on $name (HD-8)", (backend) => {
  let wharf: TestWharf
  let agent: TestClient
  let guest: TestClient
  let link: { number: number; token: string }
  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    agent = await signedIn(wharf, "wang.fang@example.com")
    guest = wharf.client()
    const created = await guest.rest("POST", "/guest/tickets", {
      name: "访客 Guest",
      email: GUEST,
      title: "WordPress 镜像无法访问",
      severity: "major",
      categoryId: await categoryId(agent),
      description: "打开首页 502"
    })
    expect(created.status).toBe(201)
    // The answer names the ticket but carries no token: only the mailbox's owner gets it.
    expect(JSON.stringify(created.body)).not.toContain("token")
    const [mail] = await outbox(wharf, GUEST)
    expect(mail?.subject).toBe(`[#${created.body.number}] WordPress 镜像无法访问`)
    link = linkIn(mail!.text_body)
    expect(link.number).toBe(created.body.number)
  })
  afterAll(() => wharf?.stop())

  it("a guest submits a ticket and opens it through the emailed link", async () => {
    const viewed = await guest.rest("GET", `/guest/tickets/${link.number}?token=${link.token}`)
    expect(viewed.status).toBe(200)
    expect(viewed.body).toMatchObject({
      title: "WordPress 镜像无法访问",
      requester: { guest: true },
      status: "in_progress"
    })
    const viaTrpc = await guest.trpc.helpdesk.guest.view.query(link)
    expect(viaTrpc.ok).toBe(true)
    // Signed under a key derived from Wharf's one master secret: the data folder holds no other.
    expect(existsSync(join(wharf.dataDir, "secret.key"))).toBe(true)
    expect(existsSync(join(wharf.dataDir, "secrets"))).toBe(false)
  })

  it("a forged or altered link is refused", async () => {
    const forged = [
      `/guest/tickets/${link.number}?token=${"A".repeat(link.token.length)}`,
      `/guest/tickets/${link.number}?token=${link.token.slice(0, -1)}${link.token.endsWith("a") ? "b" : "a"}`,
      `/guest/tickets/${link.number + 1}?token=${link.token}`,
      `/guest/tickets/10001?token=${link.token}`
    ]
    for (const path of forged) expect((await guest.rest("GET", path)).status).toBe(404)
    const reply = await guest.rest("POST", `/guest/tickets/${link.number}/replies`, {
      token: "forged",
      body: "x"
    })
    expect(reply.status).toBe(404)
    // A registered user's ticket cannot be opened as a guest, whatever the token.
    const zhang = await signedIn(wharf, "zhang.min@example.com")
    const mine = (await zhang.rest("GET", "/tickets?limit=1")).body.items[0].number
    expect((await guest.rest("GET", `/guest/tickets/${mine}?token=${link.token}`)).status).toBe(404)
  })

  it("support replies are emailed to the guest, who replies through the link", async () => {
    await agent.rest("POST", `/tickets/${link.number}/replies`, { body: "请检查 Nginx 日志" })
    await agent.rest("POST", `/tickets/${link.number}/replies`, { body: "INTERNAL-ONLY", internal: true })
    const mails = await outbox(wharf, GUEST)
    expect(mails.at(-1)?.text_body).toContain("请检查 Nginx 日志")
    expect(linkIn(mails.at(-1)!.text_body)).toEqual(link)
    const replied = await guest.rest("POST", `/guest/tickets/${link.number}/replies`, {
      token: link.token,
      body: "日志已附上"
    })
    expect(replied.status).toBe(201)
    expect(replied.body.status).toBe("in_progress")
    expect(JSON.stringify(replied.body)).not.toContain("INTERNAL-ONLY")
    const seen = (await agent.rest("GET", `/tickets/${link.number}`)).body
    expect(seen.thread.at(-1)).toMatchObject({
      body: "日志已附上",
      via: "guest-link",
      author: { side: "customer" }
    })
  })

  it("the console's guest form and link work over tRPC: file, say not solved, then confirm", async () => {
    const stranger = wharf.client()
    const created = await stranger.trpc.helpdesk.guest.create.mutate({
      name: "访客 Two",
      email: "guest.two@example.org",
      title: "Kafka 消费延迟",
      severity: "minor",
      categoryId: await categoryId(agent),
      description: "消费组延迟持续上升"
    })
    expect(created.ok).toBe(true)
    const [mail] = await outbox(wharf, "guest.two@example.org")
    const own = linkIn(mail!.text_body)
    const propose = () =>
      agent.trpc.helpdesk.support.setStatus.mutate({ number: own.number, status: "awaiting_confirmation" })
    expect((await propose()).ok).toBe(true)
    const notSolved = await stranger.trpc.helpdesk.guest.reply.mutate({
      ...own,
      body: "还是很慢",
      notSolved: true,
      attachments: []
    })
    expect(notSolved.ok).toBe(true)
    const reopened = await stranger.trpc.helpdesk.guest.view.query(own)
    expect(reopened.ok && reopened.data.status).toBe("in_progress")
    expect((await propose()).ok).toBe(true)
    const confirmed = await stranger.trpc.helpdesk.guest.confirm.mutate(own)
    expect(confirmed.ok && confirmed.data.status).toBe("closed")
  })

  it("a guest closes and rates through the link, once", async () => {
    const closed = await guest.trpc.helpdesk.guest.close.mutate(link)
    expect(closed.ok && closed.data.status).toBe("closed")
    expect((await guest.trpc.helpdesk.guest.survey.mutate({ ...link, rating: 5 })).ok).toBe(true)
    const again = await guest.trpc.helpdesk.guest.survey.mutate({ ...link, rating: 1 })
    expect(!again.ok && again.error.httpStatus).toBe(409)
  })

  it("guests see only their own ticket: the tRPC procedures for users refuse them", async () => {
    expect((await guest.rest("GET", `/tickets/${link.number}`)).status).toBe(401)
    const r = await guest.trpc.helpdesk.tickets.get.query({ number: link.number })
    expect(!r.ok && r.error.httpStatus).toBe(401)
  })
})

describe("guest mail over a real SMTP server", () => {
  const received: ParsedMail[] = []
  let smtp: SMTPServer
  let wharf: TestWharf
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        simpleParser(stream).then((m) => {
          received.push(m)
          done()
        }, done)
      }
    })
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()))
    const SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`
    wharf = await startHelpdesk(testBackends()[0]!, { env: { SMTP_URL } })
  })
  afterAll(async () => {
    await wharf?.stop()
    await new Promise<void>((r) => smtp.close(() => r()))
  })

  it("delivers the signed link by SMTP, and the link opens the ticket", async () => {
    const agent = await signedIn(wharf, "wang.fang@example.com")
    const guest = wharf.client()
    const created = await guest.rest("POST", "/guest/tickets", {
      name: "Mail Guest",
      email: "mail.guest@example.org",
      title: "Cannot reach HUE",
      severity: "normal",
      categoryId: await categoryId(agent),
      description: "502"
    })
    const mail = received.find((m) => m.subject === `[#${created.body.number}] Cannot reach HUE`)
    expect(mail?.to).toMatchObject({ text: "mail.guest@example.org" })
    const link = linkIn(mail!.text!)
    expect((await guest.rest("GET", `/guest/tickets/${link.number}?token=${link.token}`)).status).toBe(200)
    expect((await outbox(wharf, "mail.guest@example.org"))[0]?.status).toBe("sent")
  })
})
