/**
 * @module Hosts benchmark: kube-sim with 500 nodes and 20,000 running pods, registered in a
 * real Wharf (PGlite, identity + clusters). Measures, through @kubernetes/client-node, list
 * and watch latency, and through Wharf's REST API the hosts overview and a host page
 * (served from the clusters plugin's informer cache) and the live stream's latency.
 *
 *   npx tsx tooling/bench/src/hosts.ts [nodes=500] [pods=20000]
 */
import { cpus, totalmem } from "node:os"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { R, startKubeSim } from "@wharf/kube-sim"
import { startTestWharf } from "@wharf/server/testing"

const nodes = Number(process.argv[2] ?? 500)
const pods = Number(process.argv[3] ?? 20_000)
const perDeployment = 100

const pct = (samples: number[], p: number) => {
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
const row = (what: string, samples: number[]) =>
  `| ${what} | ${samples.length} | ${pct(samples, 50).toFixed(1)} | ${pct(samples, 99).toFixed(1)} |`
const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now()
  const v = await fn()
  return [performance.now() - t, v]
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const started = performance.now()
const sim = await startKubeSim({ nodes })
const kc = new k8s.KubeConfig()
kc.loadFromString(sim.kubeconfig())
const core = kc.makeApiClient(k8s.CoreV1Api)
const apps = kc.makeApiClient(k8s.AppsV1Api)
await core.createNamespace({ body: { metadata: { name: "bench" } } })
for (let i = 0; i < pods / perDeployment; i++) {
  const name = `svc-${i}`
  await apps.createNamespacedDeployment({
    namespace: "bench",
    body: {
      metadata: { name },
      spec: {
        replicas: perDeployment,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            containers: [
              { name: "app", image: "nginx:1.27", resources: { requests: { cpu: "100m", memory: "128Mi" } } }
            ]
          }
        }
      }
    }
  })
}
const running = () => sim.store.list(R.pods).filter((p) => p.status?.phase === "Running").length
let lastReport = 0
while (running() < pods) {
  await sleep(250)
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now()
    console.error(
      `… ${running()} of ${pods} pods running after ${((performance.now() - started) / 1000).toFixed(0)}s`
    )
  }
}
const readyS = ((performance.now() - started) / 1000).toFixed(1)

const lines: string[] = []
lines.push("| measure | n | p50 ms | p99 ms |", "|---|---|---|---|")

const listAll: number[] = []
for (let i = 0; i < 10; i++) listAll.push((await time(() => core.listPodForAllNamespaces()))[0])
lines.push(row(`client-node: list all ${pods} pods`, listAll))
const listNodes: number[] = []
for (let i = 0; i < 20; i++) listNodes.push((await time(() => core.listNode()))[0])
lines.push(row(`client-node: list ${nodes} nodes`, listNodes))

// Raw watch latency: patch a pod, time until the watch delivers the change.
const sent = new Map<string, number>()
const watchLatency: number[] = []
const rawWatch = await new k8s.Watch(kc).watch(
  "/api/v1/namespaces/bench/pods",
  { resourceVersion: String(sim.store.rv) },
  (type, obj) => {
    const t = sent.get(obj.metadata?.labels?.probe)
    if (type === "MODIFIED" && t !== undefined) {
      watchLatency.push(performance.now() - t)
      sent.delete(obj.metadata.labels.probe)
    }
  },
  () => {}
)
const sample = (await core.listNamespacedPod({ namespace: "bench", limit: 200 })).items
for (const [i, p] of sample.entries()) {
  sent.set(String(i), performance.now())
  await core.patchNamespacedPod({
    name: p.metadata!.name!,
    namespace: "bench",
    body: [{ op: "add", path: "/metadata/labels/probe", value: String(i) }]
  })
}
while (watchLatency.length < sample.length) await sleep(20)
rawWatch.abort()
lines.push(row("client-node: watch, patch → event", watchLatency))

// Wharf: register the cluster, then time the hosts API served from the informer cache.
const [backend] = testBackends()
// Only the bench cluster: no demo kube-sim beside it.
process.env.WHARF_KUBE_SIM = "0"
const wharf = await startTestWharf({
  backend: backend!,
  plugins: ["identity", "clusters"],
  env: { WHARF_KUBE_SIM: "0" }
})
const admin = wharf.client()
await admin.signIn()
const reg = await admin.rest<{ id: string }>("POST", "/clusters", {
  name: "bench",
  connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
})
if (reg.status !== 201) throw new Error(`register failed: ${JSON.stringify(reg.body)}`)
const id = reg.body.id
const [firstMs, first] = await time(() => admin.rest<{ hosts: unknown[] }>("GET", `/clusters/${id}/hosts`))
if (first.body.hosts.length !== nodes) throw new Error(`listed ${first.body.hosts.length} hosts`)
const overview: number[] = []
for (let i = 0; i < 200; i++) overview.push((await time(() => admin.rest("GET", `/clusters/${id}/hosts`)))[0])
lines.push(row(`Wharf: GET /clusters/{id}/hosts (${nodes} hosts, warm cache)`, overview))
const filtered: number[] = []
for (let i = 0; i < 200; i++)
  filtered.push(
    (
      await time(() => admin.rest("GET", `/clusters/${id}/hosts?labels=topology.kubernetes.io/zone=zone-b`))
    )[0]
  )
lines.push(row("Wharf: same, ?labels=topology.kubernetes.io/zone=zone-b", filtered))
const host: number[] = []
for (let i = 0; i < 200; i++)
  host.push(
    (await time(() => admin.rest("GET", `/clusters/${id}/hosts/sim-node-${2 + (i % (nodes - 1))}`)))[0]
  )
lines.push(row("Wharf: GET /clusters/{id}/hosts/{name} (~40 pods + their metrics)", host))

// Live stream: patch a pod's node-visible state, time until Wharf's SSE names its host.
const res = await admin.request("GET", `/api/v1/clusters/${id}/events`)
const reader = res.body!.getReader()
const decoder = new TextDecoder()
const sseLatency: number[] = []
let pending: { node: string; at: number } | undefined
void (async () => {
  let buffer = ""
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += decoder.decode(value)
    const events = buffer.split("\n\n")
    buffer = events.pop() ?? ""
    for (const e of events)
      if (pending && e.startsWith("event: hosts") && e.includes(`"${pending.node}"`)) {
        sseLatency.push(performance.now() - pending.at)
        pending = undefined
      }
  }
})()
const probes = sample.slice(0, 50)
for (const [i, p] of probes.entries()) {
  pending = { node: p.spec!.nodeName!, at: performance.now() }
  await core.patchNamespacedPod({
    name: p.metadata!.name!,
    namespace: "bench",
    body: [{ op: "add", path: "/metadata/labels/sse", value: String(i) }]
  })
  while (pending) await sleep(5)
}
await reader.cancel()
lines.push(row("Wharf: live stream, pod patch → SSE `hosts` event (incl. 250 ms coalescing)", sseLatency))

const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0)
console.log(
  `\n${nodes} nodes, ${pods} running pods, ready in ${readyS}s; first hosts call (informer sync) ${firstMs.toFixed(0)} ms; process RSS ${rss} MiB (kube-sim + Wharf)`
)
console.log(
  `machine: ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`
)
console.log(lines.join("\n"))
await wharf.stop()
await sim.close()
process.exit(0)
