import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { newTicket, outbox, signedIn, startHelpdesk } from "./testkit"

const NOTE = "内部备注：客户合同即将到期 SECRET-NOTE"

describe.each(testBackends())("tenant isolation and internal notes on $name (HD-12)", (backend) => {
  let wharf: TestWharf
  let li: TestClient // data-team admin, analytics member
  let zhang: TestClient // data-team
  let anna: TestClient // analytics
  let david: TestClient // analytics, not data-team
  let agent: TestClient
  let own: number // zhang's own ticket
  let team: number // zhang's ticket for data-team
  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    const clients = await Promise.all(
      ["li.wei", "zhang.min", "anna.schmidt", "david.lee", "chen.jie"].map((n) =>
        signedIn(wharf, `${n}@example.com`)
      )
    )
    ;[li, zhang, anna, david, agent] = clients as [TestClient, TestClient, TestClient, TestClient, TestClient]
    const options = await zhang.trpc.helpdesk.tickets.options.query()
    const groups: { id: string; name: string }[] = options.ok ? options.data.groups : []
    own = await newTicket(zhang, { title: "zhang's own" })
    team = await newTicket(zhang, {
      title: "data-team's",
      groupId: groups.find((g) => g.name === "data-team")!.id
    })
    await agent.rest("POST", `/tickets/${own}/replies`, { body: NOTE, internal: true })
    await agent.rest("POST", `/tickets/${team}/replies`, { body: NOTE, internal: true })
  })
  afterAll(() => wharf?.stop())

  /** Every procedure and route that takes a ticket number, as a caller from another tenant. */
  const everyPath = (c: TestClient, number: number) => [
    c.rest("GET", `/tickets/${number}`),
    c.rest("POST", `/tickets/${number}/replies`, { body: "hi" }),
    c.rest("POST", `/tickets/${number}/close`),
    c.rest("POST", `/tickets/${number}/survey`, { rating: 5 }),
    c.trpc.helpdesk.tickets.get.query({ number }),
    c.trpc.helpdesk.tickets.reply.mutate({ number, body: "hi" }),
    c.trpc.helpdesk.tickets.close.mutate({ number }),
    c.trpc.helpdesk.tickets.confirm.mutate({ number }),
    c.trpc.helpdesk.tickets.survey.mutate({ number, rating: 5 })
  ]
  const statusOf = (r: { status?: number; ok?: boolean; error?: { httpStatus: number } }) =>
    "status" in r && r.status !== undefined ? r.status : r.error?.httpStatus

  it("a user of another tenant gets 404 on every ticket procedure and route", async () => {
    for (const r of await Promise.all(everyPath(david, own))) expect(statusOf(r as never)).toBe(404)
    for (const r of await Promise.all(everyPath(david, team))) expect(statusOf(r as never)).toBe(404)
    // A group member sees the group's ticket, not a fellow member's own ticket.
    for (const r of await Promise.all(everyPath(li, own))) expect(statusOf(r as never)).toBe(404)
    const list = await david.rest("GET", "/tickets?limit=100")
    expect(list.body.items.map((t: { number: number }) => t.number)).not.toContain(own)
    expect(list.body.items.map((t: { number: number }) => t.number)).not.toContain(team)
  })

  it("group members see their group's tickets and may reply", async () => {
    expect((await li.rest("GET", `/tickets/${team}`)).status).toBe(200)
    expect((await li.rest("POST", `/tickets/${team}/replies`, { body: "我也遇到了" })).status).toBe(201)
    const list = await li.trpc.helpdesk.tickets.list.query({ limit: 100, offset: 0 })
    expect(list.ok && list.data.items.map((t: { number: number }) => t.number)).toContain(team)
    expect((await anna.rest("GET", `/tickets/${team}`)).status).toBe(404)
  })

  it("agents see every ticket; the support procedures refuse customers", async () => {
    expect((await agent.rest("GET", `/tickets/${own}`)).status).toBe(200)
    const queue = await agent.trpc.helpdesk.support.queue.query({ limit: 100, offset: 0, sort: "created" })
    expect(queue.ok && queue.data.items.map((t: { number: number }) => t.number)).toEqual(
      expect.arrayContaining([own, team])
    )
    const refused = await zhang.trpc.helpdesk.support.queue.query({ limit: 10, offset: 0 })
    expect(!refused.ok && refused.error.httpStatus).toBe(403)
    expect((await wharf.client().rest("GET", `/tickets/${own}`)).status).toBe(401)
  })

  it("internal notes never reach a customer by any read path", async () => {
    const reads = [
      zhang.rest("GET", `/tickets/${own}`),
      zhang.trpc.helpdesk.tickets.get.query({ number: own }),
      li.rest("GET", `/tickets/${team}`),
      zhang.rest("GET", "/tickets?limit=100"),
      zhang.trpc.helpdesk.tickets.list.query({ limit: 100, offset: 0 }),
      zhang.rest("POST", `/tickets/${own}/replies`, { body: "reply answer" }),
      zhang.trpc.helpdesk.tickets.reply.mutate({ number: team, body: "reply answer" })
    ]
    for (const r of await Promise.all(reads)) expect(JSON.stringify(r)).not.toContain("SECRET-NOTE")
    const closed = await zhang.rest("POST", `/tickets/${own}/close`)
    expect(JSON.stringify(closed)).not.toContain("SECRET-NOTE")
    const rated = await zhang.rest("POST", `/tickets/${own}/survey`, { rating: 5 })
    expect(JSON.stringify(rated)).not.toContain("SECRET-NOTE")
    // Nor by mail.
    for (const m of await outbox(wharf, "zhang.min@example.com"))
      expect(m.text_body).not.toContain("SECRET-NOTE")
    // Support does see it, marked internal.
    const seen = (await agent.rest("GET", `/tickets/${own}`)).body
    expect(seen.thread.find((m: { body: string }) => m.body === NOTE)?.visibility).toBe("internal")
  })

  it("an internal note leaves the status and the customer-visible update time alone", async () => {
    const number = await newTicket(zhang)
    const before = (await zhang.rest("GET", `/tickets/${number}`)).body
    const after = await agent.rest("POST", `/tickets/${number}/replies`, { body: NOTE, internal: true })
    expect(after.body.status).toBe("in_progress")
    expect(after.body.updatedAt).toBe(before.updatedAt)
  })

  it("service calendars are for admins only, as the README says: agents and customers are refused", async () => {
    expect((await agent.trpc.helpdesk.admin.calendars.query()).ok).toBe(false)
    const refused = await zhang.trpc.helpdesk.admin.calendars.query()
    expect(!refused.ok && refused.error.httpStatus).toBe(403)
    const admin = wharf.client()
    await admin.signIn()
    expect((await admin.trpc.helpdesk.admin.calendars.query()).ok).toBe(true)
  })
})
