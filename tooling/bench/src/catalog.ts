/**
 * @module App catalog benchmark (issue 15), each figure beside a baseline of the same run:
 *
 * - 安装预览 of Inceptor with four new dependencies (MySQL, Metastore, HDFS, Monitor: five
 *   instances' objects through the cluster's server-side dry run) beside
 *   `kubectl apply --server-side --dry-run=server` of the same objects and a bare route;
 * - install to every object applied: POST /api/v1/apps of Inceptor (on an existing Metastore
 *   and HDFS) until the cluster's watch has shown each of its objects, beside
 *   `kubectl apply --server-side` of the same manifests (another name) timed the same way;
 * - status: a pod turning Ready in kube-sim (seen by a watch straight on kube-sim, the
 *   baseline) until the console's SSE stream says the instance is ready;
 * - 控制面板: its first page (GET /api/v1/apps?limit=48) of 1,000 instances on 3 clusters at
 *   50 connections, and the whole list at once, beside GET /me (the server's pipeline, no
 *   work) and a bare Hono route.
 *
 * kube-sim runs in its own process, Wharf (PGlite) and the measuring clients in this one.
 *
 *   npx tsx tooling/bench/src/catalog.ts [samples=20] [seconds=10]
 */
import { spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import { mkdtempSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { startKubeSim } from "@wharf/kube-sim"
import { startTestWharf } from "@wharf/server/testing"
import { Hono } from "hono"
import { listen, load } from "./http"
import { pct, sleep, spawnKubeSim } from "./pod-bench"
import { signIn } from "./session"

const samples = Number(process.argv[2] ?? 20)
const seconds = Number(process.argv[3] ?? 10)
const NS = "g-data-team"
const TENANT = "g-data-team"
const INSTANCES = 1000

process.env.WHARF_LOG = "silent"
const sim = await spawnKubeSim({ tickMs: 50, nodes: 8 })
const wharf = await startTestWharf({
  backend: testBackends()[0]!,
  plugins: ["identity", "clusters", "tenants", "app-catalog", "catalog-builtin"],
  demo: true,
  env: { WHARF_KUBE_SIM: "0" }
})
const port = await listen(wharf.app.fetch)
const hello = await listen(new Hono().get("/", (c) => c.text("hello")).fetch)
const base = `http://127.0.0.1:${port}`

const admin = await signIn(base, { email: "admin@wharf.test", password: "admin-password-1" })
const li = await signIn(base, { email: "li.wei@example.com", password: "wharf-demo-1" })
const call = async <T = any>(
  who: typeof admin,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<T> => {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      cookie: who.cookie,
      "x-csrf-token": who.csrfToken,
      "content-type": "application/json",
      ...headers
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

const cluster = (
  await call(admin, "POST", "/clusters", {
    name: "bench",
    connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig }
  })
).id as string
await call(admin, "POST", "/quotas", {
  type: "leasee",
  subject: "data-team",
  clusterId: cluster,
  cpu: 100_000,
  memory: 1024 ** 3,
  storage: 1024 ** 3
})
const kc = new k8s.KubeConfig()
kc.loadFromString(sim.kubeconfig)
const core = kc.makeApiClient(k8s.CoreV1Api)
for (;;) {
  if (await core.readNamespace({ name: NS }).catch(() => null)) break
  await sleep(50)
}

// ---- helpers ----------------------------------------------------------------------------

/** When each object of the namespace was first seen by a watch straight on kube-sim. */
const seen = new Map<string, number>()
/** When each instance's pods were last seen turning Ready. */
const podReady = new Map<string, number>()
const WATCHED = [
  ["/api/v1", "configmaps", "ConfigMap"],
  ["/api/v1", "secrets", "Secret"],
  ["/api/v1", "services", "Service"],
  ["/api/v1", "persistentvolumeclaims", "PersistentVolumeClaim"],
  ["/apis/apps/v1", "statefulsets", "StatefulSet"],
  ["/apis/apps/v1", "deployments", "Deployment"]
] as const
const watch = new k8s.Watch(kc)
for (const [group, plural, kind] of WATCHED)
  await watch.watch(
    `${group}/namespaces/${NS}/${plural}`,
    {},
    (type, o: k8s.KubernetesObject) => {
      const key = `${kind}/${o.metadata?.name}`
      if (type === "ADDED" && !seen.has(key)) seen.set(key, performance.now())
    },
    () => {}
  )
await watch.watch(
  `/api/v1/namespaces/${NS}/pods`,
  {},
  (_type, pod: k8s.V1Pod) => {
    const instance = pod.metadata?.labels?.["wharf.io/app-instance"]
    const ready = pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")
    if (instance && ready && !podReady.has(instance)) podReady.set(instance, performance.now())
  },
  () => {}
)

const allSeen = async (keys: ReadonlyArray<string>, since: number) => {
  for (;;) {
    if (keys.every((k) => seen.has(k))) return Math.max(...keys.map((k) => seen.get(k)!)) - since
    await new Promise((r) => setImmediate(r))
  }
}

interface PreviewObject {
  instance: string
  kind: string
  name: string
  yaml: string
}
const preview = (request: Record<string, unknown>) =>
  call<{ objects: PreviewObject[]; refusals?: unknown[] }>(li, "POST", "/apps/preview", {
    tenant: TENANT,
    cluster,
    ...request
  })

const kubectl = (args: ReadonlyArray<string>) =>
  new Promise<void>((resolve, reject) => {
    const p = spawn("kubectl", [...args], {
      env: { ...process.env, KUBECONFIG: sim.kubeconfigPath },
      stdio: ["ignore", "ignore", "pipe"]
    })
    let err = ""
    p.stderr.on("data", (c: Buffer) => {
      err += c.toString()
    })
    p.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`kubectl ${args[0]}: ${err}`))))
  })

/** The preview's objects as a file kubectl applies: Secrets' masked values given real ones. */
const manifestFile = (objects: ReadonlyArray<PreviewObject>) => {
  const file = join(mkdtempSync(join(tmpdir(), "wharf-bench-catalog-")), "manifests.yaml")
  writeFileSync(
    file,
    objects.map((o) => o.yaml.replace(/\*{8}/g, Buffer.from("bench-secret").toString("base64"))).join("---\n")
  )
  return file
}

const timed = async (run: () => Promise<unknown>) => {
  const t = performance.now()
  await run()
  return performance.now() - t
}

const waitReady = async (name: string) => {
  for (;;) {
    const i = await call<{ status: string; reason?: string }>(li, "GET", `/apps/${name}`)
    if (i.status === "ready") return
    await sleep(100)
  }
}

// ---- 1. preview of Inceptor with four new dependencies ------------------------------------

const inceptorNew = { app: "inceptor", name: "inceptor-bench" }
const first = await preview(inceptorNew)
if (first.refusals) throw new Error(`preview refused: ${JSON.stringify(first.refusals)}`)
const previewFile = manifestFile(first.objects)
const instancesInPreview = new Set(first.objects.map((o) => o.instance)).size
const previewMs: number[] = []
const dryRunMs: number[] = []
const bareSequential: number[] = []
const meSequential: number[] = []
for (let i = 0; i < samples; i++) {
  previewMs.push(await timed(() => preview(inceptorNew)))
  dryRunMs.push(
    await timed(() =>
      kubectl(["apply", "--server-side", "--dry-run=server", "--field-manager=bench", "-f", previewFile])
    )
  )
  bareSequential.push(await timed(() => fetch(`http://127.0.0.1:${hello}/`).then((r) => r.text())))
  meSequential.push(await timed(() => call(li, "GET", "/me")))
}

// ---- 2. pod Ready in kube-sim to the console's SSE event ---------------------------------

const sseReady = new Map<string, number>()
const stream = new AbortController()
const sse = await fetch(`${base}/api/v1/apps/events`, {
  headers: { cookie: li.cookie, accept: "text/event-stream" },
  signal: stream.signal
})
void (async () => {
  const decoder = new TextDecoder()
  let buffer = ""
  for await (const chunk of sse.body!) {
    const now = performance.now()
    buffer += decoder.decode(chunk as Uint8Array, { stream: true })
    const frames = buffer.split("\n\n")
    buffer = frames.pop()!
    for (const frame of frames) {
      if (!frame.includes("event: instances")) continue
      const data = frame
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5))
        .join("\n")
      for (const e of JSON.parse(data) as Array<{ name: string; status: string }>)
        if (e.status === "ready" && !sseReady.has(e.name)) sseReady.set(e.name, now)
    }
  }
  console.error("the SSE stream ended")
})().catch((e) => {
  if (!stream.signal.aborted) console.error("the SSE stream failed", e)
})

const statusMs: number[] = []
for (let i = 0; i < samples; i++) {
  const name = `redis-status-${i}`
  await call(li, "POST", "/apps", {
    app: "redis",
    name,
    tenant: TENANT,
    cluster,
    values: { "master.replicas": 1 }
  })
  const deadline = Date.now() + 30_000
  while (!(sseReady.has(name) && podReady.has(name)) && Date.now() < deadline) await sleep(20)
  if (sseReady.has(name) && podReady.has(name)) statusMs.push(sseReady.get(name)! - podReady.get(name)!)
  else {
    const { status } = await call<{ status: string }>(li, "GET", `/apps/${name}`)
    console.error(
      `${name}: no sample (SSE ready ${sseReady.has(name)}, pod Ready ${podReady.has(name)}, ${status})`
    )
  }
}
stream.abort()

// ---- 3. install to every object applied, beside kubectl apply --server-side ---------------

// The existing dependencies Inceptor binds, ready before the clock starts.
const deps = await call<{ created: Array<{ name: string }> }>(li, "POST", "/apps", {
  app: "metastore",
  name: "metastore-bench",
  tenant: TENANT,
  cluster
})
await call(li, "POST", "/apps", { app: "hdfs", name: "hdfs-bench", tenant: TENANT, cluster })
for (const d of [...deps.created.map((c) => c.name), "hdfs-bench"]) await waitReady(d)
const onExisting = (name: string) => ({
  app: "inceptor",
  name,
  dependencies: {
    metastore: { kind: "existing", instance: "metastore-bench" },
    hdfs: { kind: "existing", instance: "hdfs-bench" },
    monitor: { kind: "none" }
  }
})
const appliedMs: number[] = []
const kubectlMs: number[] = []
const kubectlExitMs: number[] = []
let objectsPerInstall = 0
for (let i = 0; i < samples; i++) {
  const wharfName = `inceptor-w${i}`
  // The wizard previews before 安装; the clock starts at 安装.
  const planned = (await preview(onExisting(wharfName))).objects.map((o) => `${o.kind}/${o.name}`)
  objectsPerInstall = planned.length
  const t = performance.now()
  await call(li, "POST", "/apps", { ...onExisting(wharfName), tenant: TENANT, cluster })
  appliedMs.push(await allSeen(planned, t))

  const other = (await preview(onExisting(`inceptor-k${i}`))).objects
  const file = manifestFile(other)
  const k = performance.now()
  kubectlExitMs.push(
    await timed(() => kubectl(["apply", "--server-side", "--field-manager=bench", "-f", file]))
  )
  kubectlMs.push(
    await allSeen(
      other.map((o) => `${o.kind}/${o.name}`),
      k
    )
  )
}

// ---- 4. the control panel at 1,000 instances on 3 clusters --------------------------------

const extra = await Promise.all([1, 2].map(() => startKubeSim({ port: 0, nodes: 1 })))
const clusters = [cluster]
for (const [i, s] of extra.entries())
  clusters.push(
    (
      await call(admin, "POST", "/clusters", {
        name: `bench-${i + 2}`,
        connection: { kind: "kubeconfig", kubeconfig: s.kubeconfig() }
      })
    ).id
  )
const sql = wharf.database.pool
const existing = Number((await sql`select count(*)::int as n from app_catalog.instances`)[0]!.n)
const statuses = ["ready", "ready", "ready", "deploying", "degraded", "failed"]
const apps = ["redis", "mysql", "kafka", "mongodb", "inceptor", "hdfs"]
let previous: string | null = null
for (let i = existing; i < INSTANCES; i++) {
  const id = randomUUID()
  await sql`insert into app_catalog.instances
    (id, name, app, version, tenant_id, cluster_id, namespace, visibility, values, status, applied_generation)
    values (${id}, ${`panel-${i}`}, ${apps[i % apps.length]!}, '1.0.0', ${`g-team-${i % 40}`},
      ${clusters[i % 3]!}, ${`g-team-${i % 40}`}, ${i % 10 === 0 ? "all" : "tenant"}, '{}'::jsonb,
      ${statuses[i % statuses.length]!}, 1)`
  // Every other instance depends on the one before it, so the panel shows both directions.
  if (previous && i % 2 === 1)
    await sql`insert into app_catalog.bindings (instance_id, app, bound_id) values (${id}, 'redis', ${previous})`
  previous = id
}
const listed = await call<{ items: unknown[] }>(admin, "GET", "/apps")
const bare = await load(`http://127.0.0.1:${hello}/`, seconds)
const me = await load(`${base}/api/v1/me`, seconds, { cookie: admin.cookie })
// What 控制面板 asks for: its first page of cards, grouped by cluster.
const panel = await load(`${base}/api/v1/apps?group=cluster&limit=48`, seconds, { cookie: admin.cookie })
const whole = await load(`${base}/api/v1/apps`, seconds, { cookie: admin.cookie })

// ---- report -------------------------------------------------------------------------------

const f = (n: number) => n.toFixed(1)
const row = (name: string, xs: number[], goal = "") =>
  console.log(
    `| ${name} | ${xs.length} | ${f(pct(xs, 50))} | ${f(pct(xs, 95))} | ${f(Math.max(...xs))} | ${goal} |`
  )
console.log(
  `${cpus().length} × ${cpus()[0]?.model}; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ")}\n`
)
console.log("| measure | n | p50 ms | p95 ms | max ms | goal (p95) |\n|---|---|---|---|---|---|")
row(
  `Wharf: POST /apps/preview, Inceptor + 4 new dependencies (${instancesInPreview} instances, ${first.objects.length} objects)`,
  previewMs,
  "≤ 300 ms"
)
row("kubectl apply --server-side --dry-run=server, the same objects (process)", dryRunMs)
row(
  "Wharf: POST /apps → every object seen by a watch on kube-sim (Inceptor, " +
    `${objectsPerInstall} objects)`,
  appliedMs,
  "≤ 1000 ms"
)
row("kubectl apply --server-side, the same manifests → every object seen", kubectlMs)
row("kubectl apply --server-side, process start to exit", kubectlExitMs)
row(
  "Wharf: pod Ready (watch on kube-sim) → SSE `instances` ready (incl. 100 ms coalescing)",
  statusMs,
  "≤ 1000 ms"
)
row("GET /me, one at a time", meSequential)
row("bare Hono route, one at a time", bareSequential)
console.log("")
console.log(
  `| route, 50 connections, ${seconds} s | req/s | p50 ms | p99 ms | errors | goal (p99) |\n|---|---|---|---|---|---|`
)
for (const [name, r, goal] of [
  ["bare Hono route", bare, ""],
  ["GET /me (the server's pipeline, no work)", me, ""],
  [
    `GET /apps?limit=48: 控制面板's first page of ${listed.items.length} instances on 3 clusters (admin)`,
    panel,
    "≤ 50 ms"
  ],
  [`GET /apps: all ${listed.items.length} instances at once (the CLI's list)`, whole, ""]
] as const)
  console.log(
    `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx + r.errors} | ${goal} |`
  )

await Promise.all(extra.map((s) => s.close()))
await wharf.stop()
sim.stop()
process.exit(0)
