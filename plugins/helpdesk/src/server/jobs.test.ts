import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { autoCloseTickets, flagSlaBreaches } from "./jobs"
import { newTicket, outbox, signedIn, startHelpdesk } from "./testkit"

describe.each(testBackends())("helpdesk jobs on $name", (backend) => {
  let wharf: TestWharf
  let customer: TestClient
  let agent: TestClient
  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    customer = await signedIn(wharf, "david.lee@example.com")
    agent = await signedIn(wharf, "chen.jie@example.com")
  })
  afterAll(() => wharf?.stop())

  it("auto-closes tickets left awaiting confirmation for 7 days, notes it, and offers the survey", async () => {
    const stale = await newTicket(customer, { title: "stale" })
    const fresh = await newTicket(customer, { title: "fresh" })
    for (const n of [stale, fresh])
      await agent.rest("POST", `/tickets/${n}/replies`, { body: "试试这个", proposeSolution: true })
    await wharf.database
      .pool`update helpdesk.tickets set status_changed_at = now() - interval '8 days' where number = ${stale}`
    await wharf.database
      .pool`update helpdesk.tickets set status_changed_at = now() - interval '6 days' where number = ${fresh}`
    await wharf.runtime.runPromise(autoCloseTickets)
    const closed = (await customer.rest("GET", `/tickets/${stale}`)).body
    expect(closed.status).toBe("closed")
    expect(closed.history.at(-1)).toMatchObject({
      action: "status",
      to: "closed",
      note: expect.stringContaining("7")
    })
    expect((await customer.rest("GET", `/tickets/${fresh}`)).body.status).toBe("awaiting_confirmation")
    const mail = (await outbox(wharf, "david.lee@example.com")).at(-1)
    expect(mail?.subject).toBe(`[#${stale}] stale`)
    expect(mail?.text_body).toMatch(/满意度调查/)
    expect((await customer.rest("POST", `/tickets/${stale}/survey`, { rating: 3 })).status).toBe(201)
  })

  it("the number of days is a setting", async () => {
    const admin = wharf.client()
    await admin.signIn()
    expect((await admin.trpc.helpdesk.admin.setSettings.mutate({ autoCloseDays: 3 })).ok).toBe(true)
    const n = await newTicket(customer)
    await agent.rest("POST", `/tickets/${n}/replies`, { body: "done?", proposeSolution: true })
    await wharf.database
      .pool`update helpdesk.tickets set status_changed_at = now() - interval '4 days' where number = ${n}`
    await wharf.runtime.runPromise(autoCloseTickets)
    expect((await customer.rest("GET", `/tickets/${n}`)).body.status).toBe("closed")
  })

  it("flags a missed first response once, and escalates to the assignee's group by mail", async () => {
    const n = await newTicket(customer, { title: "late" })
    const agents = await agent.trpc.helpdesk.support.agents.query()
    const chen = agents.ok ? agents.data.find((a) => a.name === "陈杰") : undefined
    await agent.trpc.helpdesk.support.assign.mutate({ number: n, assigneeId: chen!.id })
    await wharf.database
      .pool`update helpdesk.tickets set first_response_due = now() - interval '1 minute' where number = ${n}`
    await wharf.runtime.runPromise(flagSlaBreaches)
    const queue = await agent.trpc.helpdesk.support.queue.query({ breached: true, limit: 100, offset: 0 })
    const row = queue.ok ? queue.data.items.find((t) => t.number === n) : undefined
    expect(row?.sla?.state).toBe("breached")
    // The support group: 王芳 (its admin) hears of 陈杰's breach.
    const escalation = await outbox(wharf, "wang.fang@example.com")
    expect(escalation.at(-1)).toMatchObject({
      subject: `[#${n}] late`,
      text_body: expect.stringContaining("SLA")
    })
    const count = escalation.length
    await wharf.runtime.runPromise(flagSlaBreaches)
    expect(await outbox(wharf, "wang.fang@example.com")).toHaveLength(count)
    // The breach is in support's history, not the customer's.
    expect(
      (await agent.rest("GET", `/tickets/${n}`)).body.history.map((h: { action: string }) => h.action)
    ).toContain("sla_breached")
    expect(
      (await customer.rest("GET", `/tickets/${n}`)).body.history.map((h: { action: string }) => h.action)
    ).not.toContain("sla_breached")
  })

  it("sorts the queue by the next SLA due time", async () => {
    const q = await agent.trpc.helpdesk.support.queue.query({
      status: "open",
      sort: "due",
      limit: 50,
      offset: 0
    })
    const dues = (q.ok ? q.data.items : []).map(({ sla }) =>
      new Date((sla!.firstRespondedAt ? sla!.resolutionDue : sla!.firstResponseDue)!).getTime()
    )
    expect(dues.length).toBeGreaterThan(5)
    expect(dues).toEqual([...dues].sort((a: number, b: number) => a - b))
  })
})
