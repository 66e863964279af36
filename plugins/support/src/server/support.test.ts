import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

describe.each(testBackends())("support on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "knowledge-base", "support"], demo: true })
  })
  afterAll(() => wharf?.stop())

  it("lists the four channels with their hours and a live open state", async () => {
    const r = await wharf.client().rest("GET", "/support/channels")
    expect(r.body.items.map((c: { id: string; calendar: string }) => [c.id, c.calendar])).toEqual([
      ["ticket", "7x24"],
      ["email", "7x24"],
      ["chat", "5x8"],
      ["phone", "7x8"]
    ])
    const ticket = r.body.items[0]
    expect(ticket).toMatchObject({ open: true, next: null, recommended: true })
    const chat = r.body.items[2]
    expect(typeof chat.open).toBe("boolean")
    expect(chat.next).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it("serves the scope page's four sections", async () => {
    const r = await wharf.client().trpc.support.overview.query()
    expect(r.ok && r.data.scope.map((s: { id: string }) => s.id)).toEqual(["free", "docs", "premium", "out"])
  })

  it("without the helpdesk, an order stays received (no ticket), and the console is told tickets are off", async () => {
    const ticketing = await wharf.client().trpc.support.services.ticketing.query()
    expect(ticketing.ok && ticketing.data).toEqual({ enabled: false })
  })

  it("has about thirty premium services; a user orders one and sees it as received, agents see every order", async () => {
    const services = (await wharf.client().rest("GET", "/support/services")).body.items
    expect(services.length).toBeGreaterThanOrEqual(28)
    // Each has its English text for English readers.
    expect(services[0].en).toMatchObject({ name: "Product selection", category: "Purchase and planning" })
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    const order = await user.trpc.support.services.order.mutate({
      serviceId: services[0].id,
      note: "三台节点"
    })
    expect(order.ok && order.data).toMatchObject({
      serviceName: services[0].name,
      status: "received",
      ticketRef: null
    })
    const other = wharf.client()
    await other.signIn("anna.schmidt@example.com", "wharf-demo-1")
    const hers = await other.trpc.support.services.orders.query()
    expect(hers.ok && hers.data).toEqual([])
    const agent = wharf.client()
    await agent.signIn("wang.fang@example.com", "wharf-demo-1")
    const all = await agent.trpc.support.services.orders.query()
    expect(all.ok && all.data.map((o: { userEmail: string }) => o.userEmail)).toContain("li.wei@example.com")
    expect(
      (await wharf.client().trpc.support.services.order.mutate({ serviceId: services[0].id, note: "" })).ok
    ).toBe(false)
  })

  it("lets admins manage the catalog: others get 403, a retired service cannot be ordered", async () => {
    const agent = wharf.client()
    await agent.signIn("wang.fang@example.com", "wharf-demo-1")
    const fields = {
      name: "GPU 节点接入",
      category: "安装与配置",
      description: "接入 GPU 节点",
      priceNote: "¥800/节点"
    }
    const denied = await agent.trpc.support.services.create.mutate(fields)
    expect(!denied.ok && denied.error.httpStatus).toBe(403)
    const admin = wharf.client()
    await admin.signIn()
    const created = await admin.trpc.support.services.create.mutate(fields)
    expect(created.ok).toBe(true)
    const id = created.ok ? created.data.id : ""
    expect((await admin.trpc.support.services.retire.mutate({ id })).ok).toBe(true)
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    const r = await user.trpc.support.services.order.mutate({ serviceId: id, note: "" })
    expect(!r.ok && r.error.httpStatus).toBe(404)
    const bad = await admin.trpc.support.services.create.mutate({ ...fields, name: "" })
    expect(!bad.ok && bad.error.message).toContain("name: must not be empty")
  })

  it("lets no user or agent change the catalog or the FAQ; the catalog and FAQ stay as they were", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const faq = await admin.trpc.support.faq.create.mutate({
      question: "只有管理员能改的问题？",
      answer: "是的。",
      locale: "zh-CN"
    })
    const faqId = faq.ok ? faq.data.id : ""
    const services = (await wharf.client().rest("GET", "/support/services")).body.items
    const service = services[0]
    for (const email of ["li.wei@example.com", "wang.fang@example.com"]) {
      const c = wharf.client()
      await c.signIn(email, "wharf-demo-1")
      const attempts = [
        ["support.services.update", { ...service, name: "改掉的名字" }],
        ["support.services.retire", { id: service.id }],
        ["support.faq.create", { question: "用户的问题", answer: "用户的回答", locale: "zh-CN" }],
        ["support.faq.update", { id: faqId, question: "改掉的问题", answer: "改掉", locale: "zh-CN" }],
        ["support.faq.delete", { id: faqId }]
      ] as const
      for (const [path, input] of attempts) {
        const r = await c.call("mutation", path, input)
        expect(!r.ok && r.error.httpStatus, `${email} ${path}`).toBe(403)
      }
    }
    const after = (await wharf.client().rest("GET", "/support/services")).body.items
    expect(after).toEqual(services)
    const found = await wharf.client().rest("GET", "/support/faq?q=只有管理员能改")
    expect(found.body.items.map((f: { question: string }) => f.question)).toEqual(["只有管理员能改的问题？"])
    const all = (await wharf.client().rest("GET", "/support/faq")).body.items
    expect(all.map((f: { question: string }) => f.question)).not.toContain("用户的问题")
  })

  it("searches the FAQ in Chinese and English, and an admin's new question is found at once", async () => {
    const c = wharf.client()
    const zh = await c.rest("GET", "/support/faq?q=上班时间")
    expect(zh.body.items[0].question).toBe("你们的正常上班时间是？")
    const en = await c.rest("GET", "/support/faq?q=premium%20service&locale=en")
    expect(en.body.items[0].question).toBe("How do I order a premium service?")
    const admin = wharf.client()
    await admin.signIn()
    await admin.trpc.support.faq.create.mutate({
      question: "支持远程桌面吗？",
      answer: "支持，通过堡垒机。",
      locale: "zh-CN"
    })
    const found = await c.rest("GET", "/support/faq?q=远程桌面")
    expect(found.body.items.map((f: { question: string }) => f.question)).toEqual(["支持远程桌面吗？"])
  })

  it("a question an admin adds, edits or deletes on one server is seen at once on a second server", async () => {
    const second = await startTestWharf({
      backend,
      plugins: ["identity", "knowledge-base", "support"],
      databaseUrl: wharf.databaseUrl
    })
    try {
      const reader = second.client()
      const questions = async (q: string) =>
        (await reader.rest("GET", `/support/faq?q=${encodeURIComponent(q)}`)).body.items.map(
          (f: { question: string }) => f.question
        )
      expect(await questions("堡垒机录像")).not.toContain("堡垒机录像保留多久？")
      const admin = wharf.client()
      await admin.signIn()
      const created = await admin.trpc.support.faq.create.mutate({
        question: "堡垒机录像保留多久？",
        answer: "保留 180 天。",
        locale: "zh-CN"
      })
      const id = created.ok ? created.data.id : ""
      expect(await questions("堡垒机录像")).toContain("堡垒机录像保留多久？")
      await admin.trpc.support.faq.update.mutate({
        id,
        question: "审计录像保留多久？",
        answer: "保留 180 天。",
        locale: "zh-CN"
      })
      expect(await questions("审计录像")).toContain("审计录像保留多久？")
      expect(await questions("堡垒机录像")).not.toContain("堡垒机录像保留多久？")
      await admin.trpc.support.faq.delete.mutate({ id })
      expect(await questions("审计录像")).not.toContain("审计录像保留多久？")
    } finally {
      await second.stop()
    }
  })
})
