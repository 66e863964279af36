/**
 * A range query returns the right points from a real Prometheus (Debian's, started by
 * tooling/scripts/ensure-prometheus.sh) scraping kube-sim's cAdvisor text over HTTPS with the
 * cluster CA and a bearer token, and they agree with Wharf's own store collecting the same pods.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { MetricLine, MetricsRange } from "../../shared/metrics"
import type { ObserveRouter } from "../index"
import { collectOnce } from "./collector"
import { storeRangeOf } from "./query"

const NS = "shop"
const script = fileURLToPath(new URL("../../../../../tooling/scripts/ensure-prometheus.sh", import.meta.url))

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

const pod = (name: string, component: string) => ({
  metadata: {
    name,
    namespace: NS,
    labels: { "wharf.io/app-instance": "shop", "app.kubernetes.io/component": component }
  },
  spec: {
    containers: [
      { name: "web", image: "shop:2.1", resources: { requests: { cpu: "500m", memory: "256Mi" } } }
    ]
  }
})

/** The mean of a line's values whose times fall in (t - window, t]. */
const meanIn = (line: MetricLine, t: number, window: number) => {
  const vs = line.avg.filter((v, i) => v !== null && line.t[i]! > t - window && line.t[i]! <= t) as number[]
  return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : undefined
}

describe("metrics from Prometheus", () => {
  let dir: string
  let sim: KubeSim
  let wharf: TestWharf
  let admin: TestClient
  let cluster: ClusterSummary
  let promPid = 0
  let promUrl = ""

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "wharf-prom-"))
    sim = await startKubeSim({ port: 0, nodes: 2, tickMs: 50 })
    const kc = new k8s.KubeConfig()
    kc.loadFromString(sim.kubeconfig())
    const core = kc.makeApiClient(k8s.CoreV1Api)
    await core.createNamespace({ body: { metadata: { name: NS } } })
    for (const [name, role] of [
      ["shop-web-0", "web"],
      ["shop-web-1", "web"],
      ["shop-db-0", "db"]
    ])
      await core.createNamespacedPod({ namespace: NS, body: pod(name!, role!) })
    writeFileSync(join(dir, "ca.pem"), sim.caPem)
    writeFileSync(join(dir, "token"), sim.token)
    writeFileSync(
      join(dir, "prometheus.yml"),
      `global: { scrape_interval: 1s }
scrape_configs:
  - job_name: kube-sim-cadvisor
    scheme: https
    metrics_path: /metrics/cadvisor
    tls_config: { ca_file: ${join(dir, "ca.pem")} }
    authorization: { credentials_file: ${join(dir, "token")} }
    static_configs: [{ targets: ["${new URL(sim.url).host}"] }]
`
    )
    const port = await freePort()
    promPid = Number(
      execFileSync("sh", [script, join(dir, "prometheus.yml"), String(port), join(dir, "data")])
        .toString()
        .trim()
    )
    promUrl = `http://127.0.0.1:${port}`

    wharf = await startTestWharf({
      backend: testBackends()[0]!,
      plugins: ["identity", "clusters", "tenants", "app-catalog", "observe"],
      // Ranges come from this Prometheus; the collector's cycle matches its 1 s scrapes.
      env: { WHARF_KUBE_SIM: "0", PROMETHEUS_URL: promUrl, WHARF_METRICS_INTERVAL: "1" }
    })
    admin = wharf.client()
    await admin.signIn()
    cluster = (
      await admin.rest<ClusterSummary>("POST", "/clusters", {
        name: "sim",
        connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
      })
    ).body
    // Both sources watch the same 20 s: Wharf's collector each second, Prometheus scraping each
    // second (since before: its last point's 15 s window must lie inside what the store saw).
    for (let i = 0; i < 20; i++) {
      await wharf.runtime.runPromise(collectOnce())
      await new Promise((r) => setTimeout(r, 1000))
    }
  }, 120_000)

  afterAll(async () => {
    if (promPid) process.kill(promPid)
    await wharf?.stop()
    await sim?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** What the console asks for: answered from Prometheus, since this Wharf is configured so. */
  const range = async (input: Record<string, unknown>) => {
    const r = await admin
      .api<ObserveRouter>("observe")
      .metrics.range.query({ clusterId: cluster.id, ...input } as never)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as MetricsRange
  }
  /** The same range from Wharf's own store, which the collector filled meanwhile. */
  const stored = (input: Record<string, unknown>) =>
    wharf.runtime.runPromise(storeRangeOf({ clusterId: cluster.id, ...input } as never))

  it("answers a pod's, an app's and a host's range at the step, agreeing with Wharf's store", async () => {
    const to = Date.now() - 1000
    const from = to - 15 * 60_000
    const podQuery = { target: "pod", namespace: NS, pod: "shop-web-0", from, to }
    const fromProm = await range(podQuery)
    const fromStore = await stored(podQuery)
    expect(fromProm.source).toBe("prometheus")
    expect(fromStore.source).toBe("wharf")
    expect(fromProm.step).toBe(15)

    for (const metric of ["cpu", "memory"] as const) {
      const p = fromProm.lines.find((l) => l.metric === metric && l.label === "web")!
      const s = fromStore.lines.find((l) => l.metric === metric && l.label === "web")!
      expect(p.t.length).toBeGreaterThan(0)
      // query_range's points: from + k·step.
      for (const t of p.t) expect((t - from) % 15_000).toBe(0)
      const last = p.t.at(-1)!
      const expected = meanIn(s, last, 15_000)!
      expect(p.avg.at(-1)!).toBeGreaterThan(expected * 0.93)
      expect(p.avg.at(-1)!).toBeLessThan(expected * 1.07)
    }
    expect(fromProm.lines.map((l) => l.metric).sort()).toEqual(["cpu", "memory", "rx", "tx"])

    const app = await range({ target: "app", namespace: NS, instance: "shop", from, to })
    const roles = app.lines
      .filter((l) => l.metric === "memory")
      .map((l) => l.label)
      .sort()
    expect(roles).toEqual(["db", "web"])
    const web = app.lines.find((l) => l.metric === "memory" && l.label === "web")!
    const one = fromProm.lines.find((l) => l.metric === "memory")!
    expect(web.avg.at(-1)!).toBeGreaterThan(one.avg.at(-1)! * 1.5)

    const host = await range({ target: "host", node: "sim-node-2", from, to })
    expect(host.lines.map((l) => l.metric).sort()).toEqual(["cpu", "fs", "fs_capacity", "memory", "rx", "tx"])
  })
})
