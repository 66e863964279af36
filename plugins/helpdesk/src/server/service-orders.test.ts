/**
 * The helpdesk's contributions to support's extension points: without support enabled
 * the helpdesk still starts and works, and its "service order" category exists from the
 * first start, demo data or not.
 */
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

describe.each(testBackends())("helpdesk without support on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "helpdesk"], demo: false })
  })
  afterAll(() => wharf?.stop())

  it("starts, offers the service-order category without demo data, and files tickets as before", async () => {
    expect(wharf.plugins.map((p) => p.id)).toEqual(["identity", "helpdesk"])
    const admin = wharf.client()
    await admin.signIn()
    const options = await admin.trpc.helpdesk.tickets.options.query()
    const names = options.ok ? options.data.categories.map((c: { nameEn: string }) => c.nameEn) : []
    expect(names).toEqual(["General", "Service order"])
    const r = await admin.rest("POST", "/tickets", {
      title: "Support plugin is off",
      severity: "minor",
      categoryId: options.ok ? options.data.categories[0]!.id : "",
      description: "Tickets still work"
    })
    expect(r.status).toBe(201)
    expect((await admin.trpc.support.overview.query()).ok).toBe(false)
  })

  it("keeps one service-order category across restarts, also when an admin renamed or retired it", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const all = await admin.trpc.helpdesk.admin.categories.query()
    const category = all.ok ? all.data.find((c) => c.nameEn === "Service order") : undefined
    const renamed = await admin.trpc.helpdesk.admin.updateCategory.mutate({
      id: category!.id,
      name: "高级服务订单",
      active: false
    })
    expect(renamed.ok).toBe(true)
    const second = await startTestWharf({
      backend,
      plugins: ["identity", "helpdesk"],
      databaseUrl: wharf.databaseUrl
    })
    try {
      const after = await admin.trpc.helpdesk.admin.categories.query()
      const orders = after.ok ? after.data.filter((c: { id: string }) => c.id === category!.id) : []
      expect(orders).toMatchObject([{ name: "高级服务订单", active: true }])
      expect(after.ok && after.data.length).toBe(2)
    } finally {
      await second.stop()
    }
  })
})
