import { testBackends } from "@wharf/core/testing"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { ClusterQuota, QuotaRow, QuotaSummary, TenantSummary } from "../shared/types"
import { applied, clusterApis, reconciler, signedIn } from "./testing/helpers"

const LI = "u-li-wei-example-com"

// Each test that writes quotas does so on a cluster of its own, so one test's leftovers
// (or its failure halfway) cannot change what the next one sees.
describe.each(testBackends())("tenants and quotas on $name", (backend) => {
  let wharf: TestWharf
  let admin: TestClient
  const sims: KubeSim[] = []

  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "clusters", "tenants"], demo: true })
    admin = wharf.client()
    await admin.signIn()
  })
  afterAll(async () => {
    await wharf?.stop()
    await Promise.all(sims.map((s) => s.close()))
  })

  /** A new cluster registered in Wharf, and client-node's APIs for it. */
  const ownCluster = async (name: string) => {
    const sim = await startKubeSim({ port: 0, nodes: 2 })
    sims.push(sim)
    const r = await admin.rest<ClusterSummary>("POST", "/clusters", {
      name,
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(r.status).toBe(201)
    return { cluster: r.body, apis: await clusterApis(wharf, r.body.id) }
  }
  const create = (cluster: ClusterSummary, body: Record<string, unknown>) =>
    admin.rest<QuotaRow>("POST", "/quotas", { clusterId: cluster.id, ...body })
  const readQuota = (apis: Awaited<ReturnType<typeof clusterApis>>, priority: number) =>
    apis.core.readNamespacedResourceQuota({ namespace: LI, name: `wharf-priority-${priority}` })

  it("refuses unknown emails and groups, negative and absurd values, naming each field", async () => {
    const cluster = (await admin.rest<{ items: ClusterSummary[] }>("GET", "/clusters")).body.items[0]!
    const r = await create(cluster, {
      type: "user",
      subject: "nobody@example.com",
      cpu: -1,
      memory: 1e12,
      network: 1.5
    })
    expect(r.status).toBe(400)
    const issues = (r.body as unknown as { error: { issues: Array<{ path: string; message: string }> } })
      .error.issues
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "subject", message: "没有邮箱为 nobody@example.com 的用户" },
        { path: "cpu", message: "CPU（核）不能为负数" },
        { path: "memory", message: `内存（MiB）不能超过 ${1024 ** 3}` },
        { path: "network", message: "网络（Mbit/s）必须是整数" }
      ])
    )
    const group = await create(cluster, { type: "leasee", subject: "no-such-team" })
    expect(group.status).toBe(400)
    expect(JSON.stringify(group.body)).toContain("没有名为 no-such-team 的组")
    const cluster404 = await admin.rest("POST", "/quotas", {
      type: "user",
      subject: "li.wei@example.com",
      clusterId: "nope"
    })
    expect(JSON.stringify(cluster404.body)).toContain('"path":"clusterId"')
    const text = await create(cluster, { type: "user", subject: "li.wei@example.com", cpu: "lots" })
    expect(text.status).toBe(400)
    expect(JSON.stringify(text.body)).toContain('"path":"cpu"')
  })

  // The goal (≤ 1 s) is measured by tooling/bench/src/quotas.ts; here, that the change's own run
  // applies it, well before a 15 s pass would, even on a loaded machine.
  it("creates a quota with the seed's defaults and it reaches the cluster at once", async () => {
    const { cluster, apis } = await ownCluster("defaults")
    const r = await create(cluster, { type: "user", subject: "li.wei@example.com" })
    const started = Date.now()
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({
      tenant: { id: LI, kind: "user", name: "li.wei@example.com" },
      priority: 0,
      cpu: 24,
      memory: 102400,
      storage: 102400,
      network: 10240
    })
    await applied(wharf)
    expect(Date.now() - started).toBeLessThan(5000)
    const quota = await readQuota(apis, 0)
    expect(quota.spec?.hard).toMatchObject({ "requests.cpu": "24", "limits.memory": "102400Mi" })
    expect(quota.spec?.scopeSelector?.matchExpressions).toEqual([
      { scopeName: "PriorityClass", operator: "In", values: ["wharf-priority-0"] }
    ])
    const ns = await apis.core.readNamespace({ name: LI })
    expect(ns.metadata?.labels?.["wharf.io/tenant"]).toBe(LI)
    const pc = await apis.scheduling.readPriorityClass({ name: "wharf-priority-0" })
    expect(pc.value).toBe(0)
    const lr = await apis.core.readNamespacedLimitRange({ namespace: LI, name: "wharf-defaults" })
    expect(lr.spec?.limits[0]?.defaultRequest).toMatchObject({ cpu: "100m" })
  })

  it("adds a priority, changes a value, deletes a priority, and the cluster follows each", async () => {
    const { cluster, apis } = await ownCluster("edits")
    const second = await create(cluster, { type: "user", subject: "li.wei@example.com", priority: 5, cpu: 8 })
    expect(second.status).toBe(201)
    const again = await create(cluster, { type: "user", subject: "li.wei@example.com", priority: 5 })
    expect(again.status).toBe(409)
    await applied(wharf)
    expect((await readQuota(apis, 5)).spec?.hard?.["requests.cpu"]).toBe("8")
    const patched = await admin.rest<QuotaRow>("PATCH", `/quotas/${second.body.id}`, { cpu: 12 })
    expect(patched.status).toBe(200)
    expect(patched.body.cpu).toBe(12)
    await applied(wharf)
    expect((await readQuota(apis, 5)).spec?.hard?.["requests.cpu"]).toBe("12")
    const bad = await admin.rest("PATCH", `/quotas/${second.body.id}`, { memory: -5 })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('"path":"memory"')
    const deleted = await admin.rest("DELETE", `/quotas/${second.body.id}`)
    expect(deleted.status).toBe(200)
    await applied(wharf)
    await expect(readQuota(apis, 5)).rejects.toMatchObject({ code: 404 })
  })

  it("the console edits and checks quotas over tRPC as over REST, and the cluster follows", async () => {
    const { cluster, apis } = await ownCluster("console")
    const created = await admin.trpc.tenants.quotas.create.mutate({
      type: "user",
      subject: "li.wei@example.com",
      clusterId: cluster.id,
      priority: 3,
      cpu: 6
    })
    expect(created.ok && created.data.cpu).toBe(6)
    const id = created.ok ? created.data.id : ""
    const li = await signedIn(wharf, "li.wei@example.com")
    const request = { cpu: 4, memory: 1024, storage: 0, network: 10 }
    const fits = await li.trpc.tenants.quotas.check.mutate({
      tenant: LI,
      clusterId: cluster.id,
      priority: 3,
      request
    })
    expect(fits.ok).toBe(true)
    const updated = await admin.trpc.tenants.quotas.update.mutate({ id, cpu: 2 })
    expect(updated.ok && updated.data.cpu).toBe(2)
    const over = await li.trpc.tenants.quotas.check.mutate({
      tenant: LI,
      clusterId: cluster.id,
      priority: 3,
      request
    })
    expect(!over.ok && over.error.message).toBe("需要 4 核 CPU，优先级 3 剩余 2 核")
    await applied(wharf)
    expect((await readQuota(apis, 3)).spec?.hard?.["requests.cpu"]).toBe("2")
    expect((await admin.trpc.tenants.quotas.delete.mutate({ id })).ok).toBe(true)
    await applied(wharf)
    await expect(readQuota(apis, 3)).rejects.toMatchObject({ code: 404 })
  })

  it("undoes a hand edit in the cluster on the next pass", async () => {
    const { cluster, apis } = await ownCluster("hand-edited")
    expect((await create(cluster, { type: "user", subject: "li.wei@example.com" })).status).toBe(201)
    await applied(wharf)
    const before = await readQuota(apis, 0)
    await apis.core.replaceNamespacedResourceQuota({
      namespace: LI,
      name: "wharf-priority-0",
      // Unconditional (no resourceVersion): kube-sim's quota controller may have written the status since.
      body: {
        ...before,
        metadata: { ...before.metadata, resourceVersion: undefined },
        spec: { ...before.spec, hard: { ...before.spec?.hard, "requests.cpu": "999" } }
      }
    })
    await apis.core.deleteNamespacedLimitRange({ namespace: LI, name: "wharf-defaults" })
    const r = await reconciler(wharf)
    const results = await wharf.runtime.runPromise(r.reconcileAll)
    expect(results.get(cluster.id)).toMatchObject({ created: 1, updated: 1, deleted: 0 })
    expect((await readQuota(apis, 0)).spec?.hard?.["requests.cpu"]).toBe("24")
    await apis.core.readNamespacedLimitRange({ namespace: LI, name: "wharf-defaults" })
    const twice = await wharf.runtime.runPromise(r.reconcileAll)
    expect(twice.get(cluster.id)).toMatchObject({ created: 0, updated: 0, deleted: 0 })
  })

  it("refuses a workload over quota with the numbers, and a user without quota with whom to ask", async () => {
    const { cluster } = await ownCluster("checked")
    expect((await create(cluster, { type: "user", subject: "li.wei@example.com", cpu: 4 })).status).toBe(201)
    const li = await signedIn(wharf, "li.wei@example.com")
    const request = { cpu: 6, memory: 1024, storage: 0, network: 10 }
    const over = await li.rest("POST", "/quotas/check", {
      tenant: LI,
      clusterId: cluster.id,
      priority: 0,
      request
    })
    expect(over.status).toBe(403)
    expect(over.body.error.message).toBe("需要 6 核 CPU，优先级 0 剩余 4 核")
    const fits = await li.rest("POST", "/quotas/check", {
      tenant: LI,
      clusterId: cluster.id,
      priority: 0,
      request: { ...request, cpu: 2 }
    })
    expect(fits.status).toBe(204)
    const zhang = await signedIn(wharf, "zhang.min@example.com")
    const none = await zhang.rest("POST", "/quotas/check", {
      tenant: "u-zhang-min-example-com",
      clusterId: cluster.id,
      priority: 0,
      request
    })
    expect(none.status).toBe(403)
    expect(none.body.error.message).toContain("没有配额，请联系平台管理员（")
    expect(none.body.error.message).toContain("admin@wharf.test")
  })

  it("shows a user their quota per cluster, with used and hard", async () => {
    const { cluster } = await ownCluster("mine")
    expect((await create(cluster, { type: "user", subject: "li.wei@example.com", cpu: 4 })).status).toBe(201)
    await applied(wharf)
    const li = await signedIn(wharf, "li.wei@example.com")
    const mine = await li.rest<{ quotas: ClusterQuota[] }>("GET", "/tenants/mine")
    expect(mine.status).toBe(200)
    const own = mine.body.quotas.find((q) => q.tenant.id === LI && q.clusterId === cluster.id)!
    expect(own).toMatchObject({ clusterName: "mine", problem: null })
    expect(own.priorities[0]).toMatchObject({ priority: 0, hard: { cpu: 4 }, used: { cpu: 0, network: 0 } })
    const none = await li.rest<{ quotas: ClusterQuota[] }>("GET", "/tenants/mine?search=elsewhere")
    expect(none.body.quotas).toEqual([])
    const tenants = await li.rest<{ items: TenantSummary[] }>("GET", "/tenants")
    expect(tenants.body.items.map((t) => t.id)).toEqual([LI, "g-analytics", "g-data-team"])
    expect(tenants.body.items.find((t) => t.id === "g-data-team")).toMatchObject({
      adminEmail: "li.wei@example.com",
      userCount: 2
    })
  })

  it("sums a cluster's quotas beside its capacity and warns of over-commitment", async () => {
    const { cluster } = await ownCluster("summed")
    await create(cluster, { type: "user", subject: "li.wei@example.com", cpu: 4 })
    await create(cluster, { type: "leasee", subject: "data-team", priority: 1, cpu: 500 })
    const s = await admin.rest<QuotaSummary>("GET", `/quotas/summary/${cluster.id}`)
    expect(s.status).toBe(200)
    expect(s.body.rows.map((r) => [r.tenant.id, r.priority])).toEqual([
      ["g-data-team", 1],
      [LI, 0]
    ])
    expect(s.body.total.cpu).toBe(504)
    expect(s.body.capacity?.cpu).toBeGreaterThan(0)
    expect(s.body.overcommitted).toContain("cpu")
    expect(s.body).toMatchObject({ tenants: 2, priorities: 2 })
  })

  it("pages a cluster's summary by tenant, and finds a tenant by name, keeping the whole cluster's sum", async () => {
    const { cluster } = await ownCluster("paged")
    await create(cluster, { type: "user", subject: "li.wei@example.com", cpu: 4 })
    await create(cluster, { type: "user", subject: "li.wei@example.com", priority: 2, cpu: 6 })
    await create(cluster, { type: "leasee", subject: "data-team", priority: 1, cpu: 10 })
    const page = (query: string) => admin.rest<QuotaSummary>("GET", `/quotas/summary/${cluster.id}?${query}`)

    const first = await page("limit=1")
    expect(first.body.rows.map((r) => [r.tenant.id, r.priority])).toEqual([["g-data-team", 1]])
    expect(first.body).toMatchObject({ tenants: 2, priorities: 3, total: { cpu: 20 } })
    const second = await page("limit=1&offset=1")
    // A tenant's priorities stay together on one page.
    expect(second.body.rows.map((r) => [r.tenant.id, r.priority])).toEqual([
      [LI, 0],
      [LI, 2]
    ])
    const found = await page("search=li.wei")
    expect(found.body.rows.map((r) => r.tenant.id)).toEqual([LI, LI])
    expect(found.body).toMatchObject({ tenants: 1, total: { cpu: 20 } })

    const refused = await page("limit=abc")
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain("limit")
    const tooMany = await admin.call("query", "tenants.quotas.summary", { clusterId: cluster.id, limit: 500 })
    expect(tooMany.ok ? 200 : tooMany.error.httpStatus).toBe(400)
  })

  it("answers 404 to a user of another tenant on every tenants and quotas route and procedure", async () => {
    const { cluster } = await ownCluster("guarded")
    const id = (await create(cluster, { type: "user", subject: "li.wei@example.com" })).body.id
    const anna = await signedIn(wharf, "anna.schmidt@example.com")
    const t = LI
    for (const [method, path, body] of [
      ["GET", `/tenants/${t}`],
      ["GET", `/tenants/${t}/quotas`],
      ["GET", `/tenants/${t}/preemptions`],
      ["GET", `/quotas/${id}`],
      ["PATCH", `/quotas/${id}`, { cpu: 1 }],
      ["DELETE", `/quotas/${id}`],
      [
        "POST",
        "/quotas/check",
        {
          tenant: t,
          clusterId: cluster.id,
          priority: 0,
          request: { cpu: 1, memory: 1, storage: 0, network: 0 }
        }
      ]
    ] as const) {
      const r = await anna.rest(method, path, body)
      expect(r.status, `${method} ${path}`).toBe(404)
    }
    const listed = await anna.rest<{ items: QuotaRow[] }>("GET", `/quotas?tenant=${t}`)
    expect(listed.body.items).toEqual([])
    for (const [type, path, input] of [
      ["query", "tenants.get", { tenantId: t }],
      ["query", "tenants.quotasOf", { tenantId: t }],
      ["query", "tenants.preemptions", { tenantId: t }],
      ["query", "tenants.quotas.get", { id }],
      ["mutation", "tenants.quotas.update", { id, cpu: 1 }],
      ["mutation", "tenants.quotas.delete", { id }],
      [
        "mutation",
        "tenants.quotas.check",
        {
          tenant: t,
          clusterId: cluster.id,
          priority: 0,
          request: { cpu: 1, memory: 1, storage: 0, network: 0 }
        }
      ]
    ] as const) {
      const r = await anna.call(type, path, input)
      expect(r.ok ? 200 : r.error.httpStatus, path).toBe(404)
    }
    const mine = await anna.trpc.tenants.mine.query({})
    expect(mine.ok && mine.data.quotas.some((q) => q.tenant.id === t)).toBe(false)
  })
})
