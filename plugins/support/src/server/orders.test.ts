/**
 * Premium-service orders with the helpdesk enabled: each becomes a "service order" ticket
 * of the customer's own tenant, which they (and support) see and no one else does.
 */
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const PASSWORD = "wharf-demo-1"

describe.each(testBackends())("service orders with the helpdesk on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "knowledge-base", "helpdesk", "support"],
      demo: true
    })
  })
  afterAll(() => wharf?.stop())

  const signedIn = async (email: string) => {
    const c = wharf.client()
    await c.signIn(email, PASSWORD)
    return c
  }

  it("an order opens a ticket the customer sees in their own list; another tenant gets 404", async () => {
    const services = (await wharf.client().rest("GET", "/support/services")).body.items
    const service = services[3]
    const li = await signedIn("li.wei@example.com")
    const ticketing = await li.trpc.support.services.ticketing.query()
    expect(ticketing.ok && ticketing.data).toEqual({ enabled: true })
    const placed = await li.trpc.support.services.order.mutate({
      serviceId: service.id,
      note: "三台节点，下周二晚上升级"
    })
    expect(placed.ok && placed.data).toMatchObject({ serviceName: service.name, status: "ticketed" })
    const number = placed.ok ? Number(placed.data.ticketRef) : 0
    expect(number).toBeGreaterThan(10000)

    const mine = await li.trpc.helpdesk.tickets.list.query({ limit: 50, offset: 0, mine: true })
    const listed = mine.ok && mine.data.items.find((t: { number: number }) => t.number === number)
    expect(listed).toMatchObject({ title: `服务订购：${service.name}`, category: { name: "服务订购" } })

    const ticket = await li.rest("GET", `/tickets/${number}`)
    expect(ticket.status).toBe(200)
    expect(ticket.body.description).toContain(service.name)
    expect(ticket.body.description).toContain(service.priceNote)
    expect(ticket.body.description).toContain("三台节点，下周二晚上升级")
    expect(ticket.body).toMatchObject({ status: "in_progress", severity: "normal" })

    const orders = await li.trpc.support.services.orders.query()
    expect(orders.ok && orders.data[0]).toMatchObject({ status: "ticketed", ticketRef: String(number) })

    const anna = await signedIn("anna.schmidt@example.com")
    expect((await anna.rest("GET", `/tickets/${number}`)).status).toBe(404)
    const hers = await anna.trpc.helpdesk.tickets.list.query({ limit: 100, offset: 0 })
    expect(hers.ok && hers.data.items.map((t: { number: number }) => t.number)).not.toContain(number)
    const agent = await signedIn("wang.fang@example.com")
    expect((await agent.rest("GET", `/tickets/${number}`)).status).toBe(200)
  })

  it("writes the ticket in the customer's language and says when no note was given", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const created = await admin.trpc.support.services.create.mutate({
      name: "Cluster health check",
      category: "Operations",
      description: "A one-day review of a cluster",
      priceNote: "¥3,000 per cluster"
    })
    const id = created.ok ? created.data.id : ""
    const anna = await signedIn("anna.schmidt@example.com")
    const placed = await anna.trpc.support.services.order.mutate({ serviceId: id, note: "" })
    const number = placed.ok ? placed.data.ticketRef : ""
    const ticket = await anna.rest("GET", `/tickets/${number}`)
    expect(ticket.body.title).toBe("Service order: Cluster health check")
    expect(ticket.body.description).toContain("¥3,000 per cluster")
    expect(ticket.body.description).toContain("(nothing written)")
    expect(ticket.body.category).toMatchObject({ name: "服务订购", nameEn: "Service order" })
  })
})
