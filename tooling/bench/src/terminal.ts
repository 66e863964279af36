/**
 * @module Terminal benchmark: keystroke-to-echo latency of a pod's shell through Wharf's
 * WebSocket (session check, then client-node exec to kube-sim) beside client-node exec
 * straight to kube-sim, one keystroke at a time.
 *
 *   npx tsx tooling/bench/src/terminal.ts [keystrokes=300]
 */
import type { Server } from "node:http"
import { cpus } from "node:os"
import { PassThrough } from "node:stream"
import { serve } from "@hono/node-server"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { startKubeSim } from "@wharf/kube-sim"
import { startTestWharf } from "@wharf/server/testing"
import { WebSocket } from "ws"

const keystrokes = Number(process.argv[2] ?? 300)
const pct = (samples: number[], p: number) => {
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const wharf = await startTestWharf({
  backend: testBackends()[0]!,
  plugins: ["identity", "clusters", "tenants", "app-catalog", "observe"],
  env: { WHARF_KUBE_SIM: "0" }
})
const sim = await startKubeSim({ port: 0, nodes: 2, tickMs: 50 })
const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" }) as Server
server.on("upgrade", wharf.upgrade)
await new Promise((r) => server.once("listening", r))
const port = (server.address() as { port: number }).port
const admin = wharf.client()
await admin.signIn()
const cluster = (
  await admin.rest<{ id: string }>("POST", "/clusters", {
    name: "bench",
    connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
  })
).body
const kc = new k8s.KubeConfig()
kc.loadFromString(sim.kubeconfig())
const core = kc.makeApiClient(k8s.CoreV1Api)
await core.createNamespace({ body: { metadata: { name: "bench" } } })
await core.createNamespacedPod({
  namespace: "bench",
  body: { metadata: { name: "shell" }, spec: { containers: [{ name: "app", image: "busybox:1.36" }] } }
})
for (;;) {
  const p = await core.readNamespacedPod({ namespace: "bench", name: "shell" })
  if (p.status?.containerStatuses?.[0]?.state?.running) break
  await sleep(50)
}

/** Sends one character at a time and waits for its echo; returns the latencies in ms. */
const measure = async (send: (ch: string) => void, output: () => string) => {
  const samples: number[] = []
  for (let i = 0; i < keystrokes; i++) {
    const before = output().length
    const t = performance.now()
    send("x")
    while (output().length === before) await new Promise((r) => setImmediate(r))
    samples.push(performance.now() - t)
  }
  return samples
}

// Through Wharf.
let viaWharf = ""
const ws = new WebSocket(
  `ws://127.0.0.1:${port}/api/v1/observe/terminal?cluster=${cluster.id}&namespace=bench&pod=shell`,
  {
    headers: { cookie: `wharf_session=${admin.cookie("wharf_session")}`, origin: `http://127.0.0.1:${port}` }
  }
)
ws.on("message", (d: Buffer, binary: boolean) => {
  if (binary) viaWharf += d.toString()
})
await new Promise((r) => ws.once("open", r))
while (!viaWharf.includes("# ")) await sleep(10)
const wharfSamples = await measure(
  (ch) => ws.send(Buffer.from(ch), { binary: true }),
  () => viaWharf
)
ws.close()

// Straight to kube-sim.
let direct = ""
const stdout = new PassThrough()
stdout.on("data", (c: Buffer) => {
  direct += c.toString()
})
const stdin = new PassThrough()
const conn = await new k8s.Exec(kc).exec("bench", "shell", "app", ["sh"], stdout, stdout, stdin, true)
while (!direct.includes("# ")) await sleep(10)
const directSamples = await measure(
  (ch) => stdin.write(ch),
  () => direct
)
conn.close()

console.log(
  `Keystroke to echo, ${keystrokes} keystrokes one at a time (${cpus().length} × ${cpus()[0]?.model}):\n`
)
console.log("| path | p50 ms | p99 ms |\n|---|---|---|")
console.log(
  `| through Wharf's WebSocket | ${pct(wharfSamples, 50).toFixed(2)} | ${pct(wharfSamples, 99).toFixed(2)} |`
)
console.log(
  `| client-node exec straight to kube-sim | ${pct(directSamples, 50).toFixed(2)} | ${pct(directSamples, 99).toFixed(2)} |`
)
server.closeAllConnections()
server.close()
await wharf.stop()
await sim.close()
process.exit(0)
