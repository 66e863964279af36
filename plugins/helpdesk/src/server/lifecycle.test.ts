import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { newTicket, outbox, signedIn, startHelpdesk } from "./testkit"

describe.each(testBackends())("a ticket's life on $name", (backend) => {
  let wharf: TestWharf
  let customer: TestClient
  let agent: TestClient
  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    customer = await signedIn(wharf, "zhang.min@example.com")
    agent = await signedIn(wharf, "wang.fang@example.com")
  })
  afterAll(() => wharf?.stop())

  it("demo data has 50 tickets in every status, in Chinese and English", async () => {
    const rows = await wharf.database.pool<{ status: string; n: string }[]>`
      select status, count(*) as n from helpdesk.tickets group by status order by status`
    expect(rows.map((r) => r.status)).toEqual([
      "awaiting_confirmation",
      "awaiting_reply",
      "closed",
      "in_progress"
    ])
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(50)
    // Every reply and history step of the demo happened already: none is dated in the future.
    const [future] = await wharf.database.pool<{ n: string }[]>`
      select (select count(*) from helpdesk.messages where created_at > now())
        + (select count(*) from helpdesk.history where at > now())
        + (select count(*) from helpdesk.tickets where updated_at > now()) as n`
    expect(Number(future?.n)).toBe(0)
  })

  it("a customer files a ticket: numbered from 10001, in progress, SLA due in service hours, mailed", async () => {
    const number = await newTicket(customer)
    expect(number).toBeGreaterThan(10_000)
    const t = (await customer.rest("GET", `/tickets/${number}`)).body
    expect(t).toMatchObject({
      status: "in_progress",
      severity: "critical",
      tenant: { kind: "user", name: "张敏" }
    })
    // Markdown is rendered; the script tag is not.
    expect(t.descriptionHtml).toContain("<strong>timeout</strong>")
    expect(t.descriptionHtml).not.toContain("<script")
    expect(t.sla).toBeUndefined()
    const seen = (await agent.rest("GET", `/tickets/${number}`)).body
    expect(seen.sla.firstResponseDue).not.toBeNull()
    expect(seen.requesterEmail).toBe("zhang.min@example.com")
    const mails = await outbox(wharf, "zhang.min@example.com")
    expect(mails.at(-1)?.subject).toBe(`[#${number}] Inceptor 无法启动`)
  })

  it("goes through every status by replies: agent → awaiting reply, customer → in progress, solution → awaiting confirmation, confirm → closed", async () => {
    const number = await newTicket(customer)
    const reply = (c: TestClient, body: Record<string, unknown>) =>
      c.rest("POST", `/tickets/${number}/replies`, body)
    expect((await reply(agent, { body: "请上传诊断包" })).body.status).toBe("awaiting_reply")
    expect(await outbox(wharf, "zhang.min@example.com")).toContainEqual(
      expect.objectContaining({
        subject: expect.stringContaining(`[#${number}]`),
        text_body: expect.stringContaining("请上传诊断包")
      })
    )
    expect((await reply(customer, { body: "已上传" })).body.status).toBe("in_progress")
    expect((await reply(agent, { body: "调整 max.connections", proposeSolution: true })).body.status).toBe(
      "awaiting_confirmation"
    )
    const closed = await customer.trpc.helpdesk.tickets.confirm.mutate({ number })
    expect(closed.ok && closed.data.status).toBe("closed")
    const history = (await customer.rest("GET", `/tickets/${number}`)).body.history
    expect(history.map((h: { action: string; to: string }) => `${h.action}:${h.to}`)).toEqual([
      "created:in_progress",
      "status:awaiting_reply",
      "status:in_progress",
      "status:awaiting_confirmation",
      "status:closed"
    ])
    // Closed is final.
    const late = await reply(customer, { body: "one more thing" })
    expect(late.status).toBe(409)
    expect(late.body.error.message).toMatch(/closed/)
  })

  it("a customer says a proposed solution did not solve it: back in progress with their reply, in the history", async () => {
    const number = await newTicket(customer)
    const early = await customer.rest("POST", `/tickets/${number}/replies`, {
      body: "还是不行",
      notSolved: true
    })
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ reason: "helpdesk.notAwaitingConfirmation" })
    await agent.rest("POST", `/tickets/${number}/replies`, {
      body: "请重启 Metastore",
      proposeSolution: true
    })
    const byAgent = await agent.rest("POST", `/tickets/${number}/replies`, { body: "x", notSolved: true })
    expect(byAgent.status).toBe(403)
    const answer = await customer.trpc.helpdesk.tickets.reply.mutate({
      number,
      body: "重启后还是报同样的错误",
      notSolved: true
    })
    expect(answer.ok && answer.data.status).toBe("in_progress")
    const t = (await customer.rest("GET", `/tickets/${number}`)).body
    expect(t.thread.at(-1)).toMatchObject({ body: "重启后还是报同样的错误", author: { side: "customer" } })
    expect(t.history.at(-1)).toMatchObject({
      action: "not_solved",
      from: "awaiting_confirmation",
      to: "in_progress"
    })
  })

  it("a refusal carries its reason code and parameters for the console to word", async () => {
    const gone = await customer.rest("GET", "/tickets/99999")
    expect(gone.status).toBe(404)
    expect(gone.body.error).toMatchObject({
      reason: "helpdesk.noSuchTicket",
      params: { number: 99999 },
      message: "There is no ticket #99999"
    })
  })

  it("a customer cannot confirm what was never proposed, nor write internal notes", async () => {
    const number = await newTicket(customer)
    const confirm = await customer.trpc.helpdesk.tickets.confirm.mutate({ number })
    expect(!confirm.ok && confirm.error.httpStatus).toBe(409)
    const note = await customer.rest("POST", `/tickets/${number}/replies`, { body: "x", internal: true })
    expect(note.status).toBe(403)
  })

  it("closing offers the survey, which is taken once", async () => {
    const number = await newTicket(customer)
    expect((await customer.rest("POST", `/tickets/${number}/survey`, { rating: 5 })).status).toBe(409)
    expect((await customer.rest("POST", `/tickets/${number}/close`)).body.status).toBe("closed")
    const rated = await customer.rest("POST", `/tickets/${number}/survey`, { rating: 4, comment: "很快" })
    expect(rated.status).toBe(201)
    expect(rated.body.survey).toMatchObject({ rating: 4, comment: "很快" })
    const again = await customer.rest("POST", `/tickets/${number}/survey`, { rating: 1 })
    expect(again.status).toBe(409)
    expect(again.body.error.message).toMatch(/already been rated/)
    const agentRating = await agent.trpc.helpdesk.tickets.survey.mutate({ number, rating: 1 })
    expect(!agentRating.ok && agentRating.error.httpStatus).toBe(403)
    const report = await agent.trpc.helpdesk.support.surveyReport.query({ period: "month" })
    expect(report.ok && report.data.overall.count).toBeGreaterThan(1)
    expect(report.ok && report.data.byCategory.length).toBeGreaterThan(0)
  })

  it("support assigns, changes severity (due times recomputed) and status, all in the history", async () => {
    const number = await newTicket(customer)
    const agents = await agent.trpc.helpdesk.support.agents.query()
    const chen = agents.ok ? agents.data.find((a) => a.name === "陈杰") : undefined
    const assigned = await agent.trpc.helpdesk.support.assign.mutate({ number, assigneeId: chen!.id })
    expect(assigned.ok && assigned.data.assignee?.name).toBe("陈杰")
    expect(await outbox(wharf, "chen.jie@example.com")).not.toHaveLength(0)
    const before = (await agent.rest("GET", `/tickets/${number}`)).body.sla.resolutionDue
    const minor = await agent.trpc.helpdesk.support.setSeverity.mutate({ number, severity: "minor" })
    expect(minor.ok && new Date(minor.data.sla!.resolutionDue!) > new Date(before)).toBe(true)
    const status = await agent.trpc.helpdesk.support.setStatus.mutate({
      number,
      status: "awaiting_confirmation"
    })
    expect(status.ok && status.data.status).toBe("awaiting_confirmation")
    const mine = await agent.trpc.helpdesk.support.queue.query({ assignee: chen!.id, limit: 10, offset: 0 })
    expect(mine.ok && mine.data.items.map((t: { number: number }) => t.number)).toContain(number)
    const byCustomer = await customer.trpc.helpdesk.support.setSeverity.mutate({ number, severity: "major" })
    expect(!byCustomer.ok && byCustomer.error.httpStatus).toBe(403)
  })

  it("lists my tickets with status and severity filters, search and pagination", async () => {
    const list = await customer.rest("GET", "/tickets?limit=2&offset=0")
    expect(list.body.items).toHaveLength(2)
    expect(list.body.total).toBeGreaterThan(2)
    const critical = await customer.rest("GET", "/tickets?severity=critical&limit=50")
    expect(critical.body.items.every((t: { severity: string }) => t.severity === "critical")).toBe(true)
    const closed = await customer.trpc.helpdesk.tickets.list.query({ status: "closed", limit: 50, offset: 0 })
    expect(closed.ok && closed.data.items.every((t: { status: string }) => t.status === "closed")).toBe(true)
    const found = await customer.rest("GET", `/tickets?search=${encodeURIComponent("HDFS NameNode")}`)
    expect(found.body.items.map((t: { title: string }) => t.title)).toEqual([
      "HDFS NameNode 进入安全模式无法退出"
    ])
  })

  it("refuses bad input with a 400 naming the field", async () => {
    const r = await customer.rest("POST", "/tickets", {
      title: "",
      severity: "urgent",
      categoryId: "x",
      description: "d"
    })
    expect(r.status).toBe(400)
    expect(r.body.error.message).toContain("title")
    expect(r.body.error.message).toContain("severity")
    expect((await customer.rest("GET", "/tickets/abc")).status).toBe(400)
    expect((await customer.rest("GET", "/tickets?limit=1000")).status).toBe(400)
    const survey = await customer.rest("POST", "/tickets/10001/survey", { rating: 6 })
    expect(survey.status).toBe(400)
    expect(survey.body.error.message).toContain("rating")
  })
})
