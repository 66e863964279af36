/**
 * @module Metrics benchmark (observe plugin) on PostgreSQL: 500 pods (CPU and memory of one
 * container each: 1,000 series) collected every 15 s for 7 days, generated and written as the
 * collector would (hourly packed rows, rolled up, raw past 2 days expired); then
 *   - a 7-day chart of one pod through Wharf's API (tRPC over HTTP, session checked), p50/p95,
 *     beside the bare PostgreSQL read of the same rows;
 *   - the store's bytes per series-day, raw and rollups (tables with indexes and TOAST);
 *   - the collector's CPU per cycle at 20,000 pods (parsing the metrics list, observations,
 *     the append), first cycle (series created) and steady cycles.
 *
 *   npx tsx tooling/bench/src/metrics.ts [pods=500] [days=7]
 * Needs a PostgreSQL server (WHARF_TEST_DATABASE_URL or postgres://postgres:postgres@127.0.0.1:5432/postgres).
 */

import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import { loadConfig } from "@wharf/core"
import { startKubeSim } from "@wharf/kube-sim"
import {
  appendCycle,
  appendSamples,
  expire,
  observationsOf,
  rollupFinishedHours
} from "@wharf/plugin-observe/server"
import { createWharf } from "@wharf/server"
import type { Effect } from "effect"
import postgres from "postgres"
import { signIn } from "./session"

const PODS = Number(process.argv[2] ?? 500)
const DAYS = Number(process.argv[3] ?? 7)
const ADMIN = { email: "admin@bench.test", password: "bench-password-1" }
const adminUrl = process.env.WHARF_TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres"
const DB = "wharf_bench_metrics"

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** CPU in cores and memory in bytes of a pod at `t`: a daily wave and noise (float32 stores any value alike). */
const usage = (pod: number, t: number) => ({
  cpu: 0.05 + 0.04 * Math.sin((2 * Math.PI * t) / DAY + pod) + 0.01 * Math.random(),
  memory: 200e6 + 50e6 * Math.sin((2 * Math.PI * t) / DAY + pod) + 1e6 * Math.random()
})

/** What metrics.k8s.io lists for `pods` pods (one container each, with the app's labels). */
const podMetricsList = (pods: number) =>
  JSON.stringify({
    kind: "PodMetricsList",
    items: Array.from({ length: pods }, (_, i) => ({
      metadata: {
        name: `pod-${i}`,
        namespace: `ns-${i % 200}`,
        labels: { "wharf.io/app-instance": `app-${i % 1000}`, "app.kubernetes.io/component": "web" },
        annotations: { "kube-sim.io/ingress-rate": "1200000", "kube-sim.io/egress-rate": "800000" }
      },
      containers: [{ name: "app", usage: { cpu: `${40_000_000 + i}n`, memory: `${200_000 + i}Ki` } }]
    }))
  })

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!

const main = async () => {
  process.env.WHARF_LOG = "silent"
  process.env.WHARF_KUBE_SIM = "0"
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${DB} with (force)`)
  await admin.unsafe(`create database ${DB}`)
  const url = new URL(adminUrl)
  url.pathname = `/${DB}`
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-bench-metrics-"))
  const config = loadConfig({
    env: {
      WHARF_DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      WHARF_PLUGINS: "identity,clusters,tenants,app-catalog,observe",
      WHARF_ADMIN_EMAIL: ADMIN.email,
      WHARF_ADMIN_PASSWORD: ADMIN.password,
      WHARF_KUBE_SIM: "0",
      WHARF_DEMO: "0",
      WHARF_LOG: "silent"
    }
  })
  const wharf = await createWharf({ config, jobs: false })
  const run = <A>(e: Effect.Effect<A, unknown, any>) => wharf.runtime.runPromise(e) as Promise<A>
  const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" })
  await new Promise((r) => server.once("listening", r))
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const { cookie, csrfToken } = await signIn(base, ADMIN)
  const sim = await startKubeSim({ port: 0, nodes: 1 })
  const registered = await fetch(`${base}/api/v1/clusters`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench", connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() } })
  })
  const clusterId = ((await registered.json()) as { id: string }).id

  // 7 days of 15 s samples, written an hour per row as the collector leaves them, then rolled
  // up and the raw past 2 days expired, as the job would have done along the way.
  const started = performance.now()
  const end = Math.floor(Date.now() / HOUR) * HOUR
  const start = end - DAYS * DAY
  let samples = 0
  for (let pod = 0; pod < PODS; pod++) {
    const cpu: { t: number; v: number }[] = []
    const memory: { t: number; v: number }[] = []
    for (let t = start; t < end; t += 15_000) {
      const u = usage(pod, t)
      cpu.push({ t, v: u.cpu })
      memory.push({ t, v: u.memory })
    }
    const key = {
      clusterId,
      kind: "container" as const,
      namespace: "bench",
      name: `pod-${pod}`,
      container: "app"
    }
    await run(appendSamples({ ...key, metric: "cpu", value: 0 }, cpu))
    await run(appendSamples({ ...key, metric: "memory", value: 0 }, memory))
    samples += cpu.length + memory.length
  }
  await run(rollupFinishedHours(end + 1))
  await run(expire(end, { rawHours: 48, rollupDays: 30 }))
  const generated = { end, samples }
  const generateMs = performance.now() - started

  const sql = wharf.database.pool
  // The footprint a running store settles at: the space of expired rows is reused by
  // autovacuum; VACUUM FULL gives it back so the figure is the live data.
  await sql.unsafe("vacuum full observe.metric_raw, observe.metric_rollups, observe.metric_series")
  const size = async (table: string) =>
    Number((await sql`select pg_total_relation_size(${`observe.${table}`}) as n`)[0]!.n)
  const rawBytes = await size("metric_raw")
  const rollupBytes = await size("metric_rollups")
  const seriesBytes = await size("metric_series")
  const series = PODS * 2
  const rawDays = Math.min(DAYS, 2)

  // A 7-day chart of one pod through the API.
  const to = generated.end
  const from = to - 7 * 86_400_000
  const input = {
    clusterId,
    target: "pod",
    namespace: "bench",
    pod: `pod-${Math.min(42, PODS - 1)}`,
    from,
    to
  }
  const chart = async () => {
    const t0 = performance.now()
    const r = await fetch(
      `${base}/trpc/observe.metrics.range?input=${encodeURIComponent(JSON.stringify(input))}`,
      {
        headers: { cookie }
      }
    )
    const body = (await r.json()) as { result?: { data: { lines: Array<{ t: number[] }> } } }
    const ms = performance.now() - t0
    if (!r.ok || !body.result) throw new Error(`chart: ${r.status} ${JSON.stringify(body).slice(0, 300)}`)
    return { ms, points: body.result.data.lines.reduce((s, l) => s + l.t.length, 0) }
  }
  const ids = (
    await sql`select id from observe.metric_series where name = ${`pod-${Math.min(42, PODS - 1)}`}`
  ).map((r) => r.id as string)
  const bare = async () => {
    const t0 = performance.now()
    await sql`select series_id, day, data from observe.metric_rollups where series_id = any(${sql.array(ids)}::bigint[])
      and step = 300 and day >= ${new Date(from).toISOString().slice(0, 10)}::date`
    await sql`select series_id, hour, data from observe.metric_raw where series_id = any(${sql.array(ids)}::bigint[])
      and hour >= ${new Date(to - 2 * 3_600_000)}`
    return performance.now() - t0
  }
  for (let i = 0; i < 10; i++) {
    await chart()
    await bare()
  }
  const chartMs: number[] = []
  const bareMs: number[] = []
  let points = 0
  for (let i = 0; i < 200; i++) {
    const c = await chart()
    chartMs.push(c.ms)
    points = c.points
    bareMs.push(await bare())
  }

  // The collector at 20,000 pods: what this process spends per cycle (the database's own CPU apart).
  const list = podMetricsList(20_000)
  const cycles: { cpuMs: number; wallMs: number }[] = []
  for (let i = 0; i < 4; i++) {
    const cpu0 = process.cpuUsage()
    const wall0 = performance.now()
    const pods = (JSON.parse(list) as { items: never[] }).items
    await run(appendCycle(end + i * 15_000, observationsOf(clusterId, pods, [])))
    const cpu = process.cpuUsage(cpu0)
    cycles.push({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wall0 })
  }

  const f = (n: number) => n.toFixed(1)
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`
  )
  console.log(
    `generated ${PODS} pods × ${DAYS} days (${generated.samples} samples) in ${f(generateMs / 1000)} s`
  )
  console.log("\n| measure | p50 | p95 |\n|---|---|---|")
  console.log(
    `| 7-day chart of one pod via tRPC (${points} points) | ${f(percentile(chartMs, 50))} ms | ${f(percentile(chartMs, 95))} ms |`
  )
  console.log(
    `| bare PostgreSQL read of the same rows | ${f(percentile(bareMs, 50))} ms | ${f(percentile(bareMs, 95))} ms |`
  )
  console.log("\n| store | bytes | per series-day |\n|---|---|---|")
  console.log(`| raw (${rawDays} days kept) | ${rawBytes} | ${f(rawBytes / series / rawDays / 1024)} KB |`)
  console.log(
    `| rollups 5-min + 1-h (${DAYS} days) | ${rollupBytes} | ${f(rollupBytes / series / DAYS / 1024)} KB |`
  )
  console.log(`| series | ${seriesBytes} | — |`)
  console.log("\n| collector cycle at 20,000 pods (80,000 series) | CPU | wall |\n|---|---|---|")
  for (const [i, c] of cycles.entries())
    console.log(
      `| ${i === 0 ? "first (creates the series)" : `steady #${i}`} | ${f(c.cpuMs)} ms | ${f(c.wallMs)} ms |`
    )

  server.close()
  await sim.close()
  await wharf.close()
  await admin.unsafe(`drop database if exists ${DB} with (force)`)
  await admin.end()
  rmSync(dataDir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
