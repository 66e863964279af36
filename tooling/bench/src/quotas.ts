/**
 * @module Tenants benchmark: 200 tenants × 3 clusters × 2 priorities. Reconciling every
 * cluster from scratch, again with nothing to do, and after one quota change (time and
 * Kubernetes calls; the change measured from the PATCH's answer until the cluster shows
 * it); then the quota summary's p99 at 50 connections next to a bare Hono route in the
 * same run. Three kube-sims (3 hosts each), Wharf on PGlite, autocannon in this process.
 *
 * The summary is also measured next to `GET /me` (the same server pipeline: guards, session,
 * REST layer, no work of its own), which is the floor any route of Wharf's can reach.
 *
 *   npx tsx tooling/bench/src/quotas.ts [seconds=10] [summary]   (summary: skip the reconcile passes)
 */

import { randomUUID } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import * as k8s from "@kubernetes/client-node"
import { loadConfig } from "@wharf/core"
import { startKubeSim } from "@wharf/kube-sim"
import { Reconciler } from "@wharf/plugin-tenants/server"
import { createWharf } from "@wharf/server"
import { Effect } from "effect"
import { Hono } from "hono"
import { listen, load } from "./http"
import { signIn } from "./session"

const TENANTS = 200
const seconds = Number(process.argv[2] ?? 10)
const summaryOnly = process.argv[3] === "summary"
const ADMIN = { email: "admin@bench.test", password: "bench-password-1" }

const reconcileAndChange = async (
  wharf: Awaited<ReturnType<typeof createWharf>>,
  clusters: ReadonlyArray<string>,
  sims: ReadonlyArray<Awaited<ReturnType<typeof startKubeSim>>>,
  call: (method: string, path: string, body?: unknown) => Promise<any>
) => {
  const reconciler = await wharf.runtime.runPromise(
    Effect.gen(function* () {
      return yield* Reconciler
    })
  )
  const pass = async () => {
    const started = performance.now()
    const results = await wharf.runtime.runPromise(reconciler.reconcileAll)
    const ms = performance.now() - started
    const sum = (k: "calls" | "created" | "updated" | "deleted") =>
      [...results.values()].reduce((s, r) => s + r[k], 0)
    return { ms, calls: sum("calls"), writes: sum("created") + sum("updated") + sum("deleted") }
  }
  const scratch = await pass()
  const again = await pass()

  const [row] = (await call("GET", `/quotas?tenant=g-team-7&clusterId=${clusters[1]}`)).items
  const kc = new k8s.KubeConfig()
  kc.loadFromString(sims[1]!.kubeconfig())
  const core = kc.makeApiClient(k8s.CoreV1Api)
  await call("PATCH", `/quotas/${row.id}`, { cpu: 6 })
  const answered = performance.now()
  for (;;) {
    const q = await core.readNamespacedResourceQuota({
      namespace: "g-team-7",
      name: `wharf-priority-${row.priority}`
    })
    if (q.spec?.hard?.["requests.cpu"] === "6") break
  }
  const changeMs = performance.now() - answered
  const one = await wharf.runtime.runPromise(reconciler.reconcileTenants(clusters[1]!, ["g-team-7"]))
  return { scratch, again, changeMs, one }
}

const main = async () => {
  process.env.WHARF_LOG = "silent"
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-bench-quotas-"))
  const sims = await Promise.all([0, 1, 2].map(() => startKubeSim({ port: 0, nodes: 3 })))
  const config = loadConfig({
    env: {
      WHARF_DATA_DIR: dataDir,
      WHARF_PLUGINS: "identity,clusters,tenants",
      WHARF_ADMIN_EMAIL: ADMIN.email,
      WHARF_ADMIN_PASSWORD: ADMIN.password,
      WHARF_KUBE_SIM: "0",
      WHARF_DEMO: "0",
      WHARF_LOG: "silent"
    }
  })
  process.env.WHARF_KUBE_SIM = "0"
  const wharf = await createWharf({ config, jobs: false })
  const port = await listen(wharf.app.fetch)
  const hello = await listen(new Hono().get("/", (c) => c.text("hello")).fetch)
  const base = `http://127.0.0.1:${port}`

  const { cookie, csrfToken } = await signIn(base, ADMIN)
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<any>
  }
  const clusters: string[] = []
  for (const [i, sim] of sims.entries())
    clusters.push(
      (
        await call("POST", "/clusters", {
          name: `c${i + 1}`,
          connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
        })
      ).id
    )

  // 200 tenants' quotas, written straight into the tables (the bench measures the reconciler).
  const sql = wharf.database.pool
  for (let t = 0; t < TENANTS; t++) {
    const id = `g-team-${t}`
    await sql`insert into tenants.tenants (id, kind, subject_id, name) values (${id}, 'group', ${randomUUID()}, ${`team-${t}`})`
    for (const cluster of clusters)
      for (const priority of [0, 1])
        await sql`insert into tenants.quotas (tenant_id, cluster_id, priority, cpu_millis, memory_mib, storage_mib, network_mbps)
          values (${id}, ${cluster}, ${priority}, 4000, 8192, 10240, 100)`
  }
  const reconciled = summaryOnly ? null : await reconcileAndChange(wharf, clusters, sims, call)

  const bare = await load(`http://127.0.0.1:${hello}/`, seconds)
  const me = await load(`${base}/api/v1/me`, seconds, { cookie })
  const summary = await load(`${base}/api/v1/quotas/summary/${clusters[0]}`, seconds, { cookie })

  const f = (n: number) => n.toFixed(0)
  console.log(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`
  )
  if (reconciled) {
    const { scratch, again, changeMs, one } = reconciled
    console.log("| measure | time | Kubernetes calls | writes |")
    console.log("|---|---|---|---|")
    console.log(
      `| reconcile 3 clusters from scratch (${TENANTS} tenants × 2 priorities) | ${f(scratch.ms)} ms | ${scratch.calls} | ${scratch.writes} |`
    )
    console.log(`| reconcile again, nothing changed | ${f(again.ms)} ms | ${again.calls} | ${again.writes} |`)
    console.log(
      `| one quota changed: PATCH answered → ResourceQuota in the cluster | ${f(changeMs)} ms | ${one.calls} (a pass for that tenant) | 1 |`
    )
  }
  console.log("")
  console.log("| route (50 connections) | req/s | p50 | p99 | errors |")
  console.log("|---|---|---|---|---|")
  for (const [name, r] of [
    ["bare Hono route", bare],
    ["GET /me (the server's pipeline, no work)", me],
    [`GET /quotas/summary (sum of ${TENANTS * 2} priorities; first page: 20 tenants, 40 rows)`, summary]
  ] as const)
    console.log(
      `| ${name} | ${f(r.requests.average)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx + r.errors} |`
    )

  await wharf.close()
  await Promise.all(sims.map((s) => s.close()))
  rmSync(dataDir, { recursive: true, force: true })
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  }
)
