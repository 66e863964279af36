/**
 * The collector writes, rolls up and expires; a range query returns the right points from
 * Wharf's store, summed by role for an app; another tenant's pod is 404. On each test database
 * backend (PGlite, and PostgreSQL when WHARF_TEST_DATABASE_URL is set).
 */
import * as k8s from "@kubernetes/client-node"
import { Db } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { ObserveRouter } from "../index"
import { HOUR_MS, hourOf } from "./codec"
import { collectOnce } from "./collector"
import { appendSamples, expire, rollupFinishedHours } from "./store"

const PASSWORD = "wharf-demo-1"
const LI_NS = "u-li-wei-example-com"
const DAVID_NS = "u-david-lee-example-com"

const podIn = (namespace: string, name: string, instance: string, component: string) => ({
  metadata: {
    name,
    namespace,
    labels: { "wharf.io/app-instance": instance, "app.kubernetes.io/component": component }
  },
  spec: {
    containers: [
      { name: "web", image: "shop:2.1", resources: { requests: { cpu: "200m", memory: "128Mi" } } }
    ]
  }
})

describe.each(testBackends())("metrics store on $name", (backend) => {
  let wharf: TestWharf
  let sim: KubeSim
  let cluster: ClusterSummary
  let li: TestClient
  let david: TestClient
  let admin: TestClient
  const run = <A>(e: Effect.Effect<A, unknown, any>) => wharf.runtime.runPromise(e) as Promise<A>
  const rangeAs = (c: TestClient, input: Record<string, unknown>) =>
    c.api<ObserveRouter>("observe").metrics.range.query({ clusterId: cluster.id, ...input } as never)

  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "clusters", "tenants", "app-catalog", "observe"],
      demo: true,
      env: { WHARF_KUBE_SIM: "0" }
    })
    sim = await startKubeSim({ port: 0, nodes: 2, tickMs: 50 })
    admin = wharf.client()
    await admin.signIn()
    const r = await admin.rest<ClusterSummary>("POST", "/clusters", {
      name: "sim",
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    cluster = r.body
    li = wharf.client()
    await li.signIn("li.wei@example.com", PASSWORD)
    david = wharf.client()
    await david.signIn("david.lee@example.com", PASSWORD)
    const kc = new k8s.KubeConfig()
    kc.loadFromString(sim.kubeconfig())
    const core = kc.makeApiClient(k8s.CoreV1Api)
    for (const ns of [LI_NS, DAVID_NS]) await core.createNamespace({ body: { metadata: { name: ns } } })
    await core.createNamespacedPod({ namespace: LI_NS, body: podIn(LI_NS, "shop-web-0", "shop", "web") })
    await core.createNamespacedPod({ namespace: LI_NS, body: podIn(LI_NS, "shop-web-1", "shop", "web") })
    await core.createNamespacedPod({ namespace: DAVID_NS, body: podIn(DAVID_NS, "blog-0", "blog", "web") })
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      const pods = await core.listPodForAllNamespaces()
      if (pods.items.filter((p) => p.status?.phase === "Running").length >= 3) break
      await new Promise((r) => setTimeout(r, 50))
    }
  }, 120_000)
  afterAll(async () => {
    await wharf?.stop()
    await sim?.close()
  })

  it("collects pods per container and nodes, and the owner reads them back; another tenant gets 404", async () => {
    const n = await run(collectOnce())
    expect(n).toBeGreaterThanOrEqual(3 * 4 + 2 * 6)
    const to = Date.now() + 1000
    const mine = await rangeAs(li, {
      target: "pod",
      namespace: LI_NS,
      pod: "shop-web-0",
      from: to - HOUR_MS,
      to
    })
    if (!mine.ok) throw new Error(mine.error.message)
    expect(mine.data.source).toBe("wharf")
    const cpu = mine.data.lines.find((l) => l.metric === "cpu" && l.label === "web")!
    expect(cpu.t).toHaveLength(1)
    expect(cpu.avg[0]).toBeGreaterThan(0.01)
    expect(cpu.avg[0]).toBeLessThan(0.2)
    expect(mine.data.lines.map((l) => l.metric).sort()).toEqual(["cpu", "memory", "rx", "tx"])

    const theirs = await rangeAs(david, {
      target: "pod",
      namespace: LI_NS,
      pod: "shop-web-0",
      from: to - HOUR_MS,
      to
    })
    expect(theirs.ok ? 200 : theirs.error.httpStatus).toBe(404)
    // A host's metrics go to whoever may see its cluster: li once her tenant holds quota there.
    const host = await rangeAs(li, { target: "host", node: "sim-node-1", from: to - HOUR_MS, to })
    expect(host.ok ? 200 : host.error.httpStatus).toBe(404)
    const quota = await admin.rest("POST", "/quotas", {
      type: "user",
      subject: "li.wei@example.com",
      clusterId: cluster.id
    })
    expect(quota.status).toBe(201)
    const seen = await rangeAs(li, { target: "host", node: "sim-node-1", from: to - HOUR_MS, to })
    if (!seen.ok) throw new Error(seen.error.message)
    expect(seen.data.lines.map((l) => l.metric)).toContain("cpu")
    const unseen = await rangeAs(david, { target: "host", node: "sim-node-1", from: to - HOUR_MS, to })
    expect(unseen.ok ? 200 : unseen.error.httpStatus).toBe(404)
    const asAdmin = await rangeAs(admin, { target: "host", node: "sim-node-1", from: to - HOUR_MS, to })
    if (!asAdmin.ok) throw new Error(asAdmin.error.message)
    expect(asAdmin.data.lines.map((l) => l.metric).sort()).toEqual([
      "cpu",
      "fs",
      "fs_capacity",
      "memory",
      "rx",
      "tx"
    ])

    const app = await rangeAs(li, {
      target: "app",
      namespace: LI_NS,
      instance: "shop",
      from: to - HOUR_MS,
      to
    })
    if (!app.ok) throw new Error(app.error.message)
    const web = app.data.lines.find((l) => l.metric === "memory" && l.label === "web")!
    const one = mine.data.lines.find((l) => l.metric === "memory")!
    // Two pods of role "web": their sum is more than one's.
    expect(web.avg[0]).toBeGreaterThan(one.avg[0]! * 1.5)
  })

  it("returns the stored points of a range: raw for 1h, 5-min rollups for 7d", async () => {
    const now = Date.now()
    const start = hourOf(now) - 3 * HOUR_MS
    // A pod that is gone: its history stays readable to its tenant.
    const samples = Array.from({ length: 3 * 240 }, (_, i) => ({ t: start + i * 15_000, v: i % 20 }))
    await run(
      appendSamples(
        {
          clusterId: cluster.id,
          kind: "container",
          namespace: LI_NS,
          name: "gone-0",
          container: "app",
          metric: "cpu",
          value: 0
        },
        samples
      )
    )
    const from = start + HOUR_MS
    const raw = await rangeAs(li, {
      target: "pod",
      namespace: LI_NS,
      pod: "gone-0",
      from,
      to: from + HOUR_MS - 1
    })
    if (!raw.ok) throw new Error(raw.error.message)
    const line = raw.data.lines[0]!
    expect(line.t).toEqual(samples.slice(240, 480).map((s) => s.t))
    expect(line.avg).toEqual(samples.slice(240, 480).map((s) => s.v))

    // Before the rollup, a 7-day chart still has these hours (rolled up on the fly for the last two).
    expect(await run(rollupFinishedHours(now))).toBeGreaterThanOrEqual(3)
    const week = await rangeAs(li, {
      target: "pod",
      namespace: LI_NS,
      pod: "gone-0",
      from: now - 7 * 86_400_000,
      to: now
    })
    if (!week.ok) throw new Error(week.error.message)
    const w = week.data.lines[0]!
    expect(week.data.step).toBe(300)
    expect(w.t).toHaveLength(36)
    expect(w.t[0]).toBe(start)
    // Each 5-min bucket holds 20 samples 0..19.
    expect(w.min![0]).toBe(0)
    expect(w.max![0]).toBe(19)
    expect(w.avg[0]).toBeCloseTo(9.5, 5)
  })

  it("expires raw hours past retention once rolled up, then rollups past theirs", async () => {
    const now = Date.now()
    const count = (table: string) =>
      run(
        Effect.gen(function* () {
          const db = yield* Db
          return yield* db.query(
            (sql) => sql<{ n: number }[]>`select count(*)::int as n from observe.${sql(table)}`
          )
        })
      ).then((r) => r[0]!.n)
    const rawBefore = await count("metric_raw")
    await run(expire(now, { rawHours: 1, rollupDays: 30 }))
    expect(await count("metric_raw")).toBeLessThan(rawBefore)
    expect(await count("metric_rollups")).toBeGreaterThan(0)
    await run(expire(now + 40 * 86_400_000, { rawHours: 1, rollupDays: 30 }))
    expect(await count("metric_rollups")).toBe(0)
  })
})

describe("metrics settings", () => {
  it("a setting that is not a positive number stops start-up, naming it", async () => {
    await expect(
      startTestWharf({
        backend: testBackends()[0]!,
        plugins: ["identity", "clusters", "tenants", "app-catalog", "observe"],
        env: { WHARF_KUBE_SIM: "0", WHARF_METRICS_RAW_HOURS: "two days" }
      })
    ).rejects.toThrow('WHARF_METRICS_RAW_HOURS must be a positive number, got "two days"')
  })
})
