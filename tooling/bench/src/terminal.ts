/**
 * @module Terminal benchmark: keystroke-to-echo latency of a pod's shell through Wharf's
 * WebSocket (session check, then client-node exec to kube-sim) beside client-node exec
 * straight to kube-sim, one keystroke at a time. kube-sim runs in its own process (as an API
 * server does); both sessions stay open and take turns, so a pause of this process (garbage
 * collection, Wharf's jobs) falls on both paths alike.
 *
 *   npx tsx tooling/bench/src/terminal.ts [keystrokes=300]
 */
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import type { Server } from "node:http"
import { cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { PassThrough } from "node:stream"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
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
// kube-sim in a child process, its kubeconfig in a temporary folder.
const simConfig = join(mkdtempSync(join(tmpdir(), "wharf-bench-")), "kubeconfig.yaml")
const sim = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    fileURLToPath(new URL("../../../fixtures/kube-sim/src/cli.ts", import.meta.url)),
    "--port",
    "0",
    "--nodes",
    "2",
    "--tick-ms",
    "50",
    "--kubeconfig",
    simConfig
  ],
  { stdio: ["ignore", "pipe", "inherit"] }
)
await new Promise<void>((resolve, reject) => {
  let out = ""
  sim.stdout!.on("data", (c: Buffer) => {
    out += c.toString()
    if (out.includes("kubeconfig written")) resolve()
  })
  sim.once("exit", (code) => reject(new Error(`kube-sim exited (${code})`)))
})
const simKubeconfig = readFileSync(simConfig, "utf8")
const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" }) as Server
server.on("upgrade", wharf.upgrade)
await new Promise((r) => server.once("listening", r))
const port = (server.address() as { port: number }).port
const admin = wharf.client()
await admin.signIn()
const cluster = (
  await admin.rest<{ id: string }>("POST", "/clusters", {
    name: "bench",
    connection: { kind: "kubeconfig", kubeconfig: simKubeconfig }
  })
).body
const kc = new k8s.KubeConfig()
kc.loadFromString(simKubeconfig)
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

/** One keystroke and the time until its echo arrives, in ms. */
const once = async (send: (ch: string) => void, output: () => string) => {
  const before = output().length
  const t = performance.now()
  send("x")
  while (output().length === before) await new Promise((r) => setImmediate(r))
  return performance.now() - t
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

// Straight to kube-sim.
let direct = ""
const stdout = new PassThrough()
stdout.on("data", (c: Buffer) => {
  direct += c.toString()
})
const stdin = new PassThrough()
const conn = await new k8s.Exec(kc).exec("bench", "shell", "app", ["sh"], stdout, stdout, stdin, true)
while (!direct.includes("# ")) await sleep(10)

// Turns: one keystroke through Wharf, one straight, and so on.
const wharfSamples: number[] = []
const directSamples: number[] = []
for (let i = 0; i < keystrokes; i++) {
  wharfSamples.push(
    await once(
      (ch) => ws.send(Buffer.from(ch), { binary: true }),
      () => viaWharf
    )
  )
  directSamples.push(
    await once(
      (ch) => stdin.write(ch),
      () => direct
    )
  )
}
const closed = new Promise((r) => ws.once("close", r))
ws.close()
await closed
conn.close()

console.log(
  `Keystroke to echo, ${keystrokes} keystrokes one at a time (${cpus().length} × ${cpus()[0]?.model}):\n`
)
const row = (name: string, samples: number[]) =>
  console.log(
    `| ${name} | ${[50, 95, 99].map((p) => pct(samples, p).toFixed(2)).join(" | ")} | ${Math.max(...samples).toFixed(2)} |`
  )
console.log("| path | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|")
row("through Wharf's WebSocket", wharfSamples)
row("client-node exec straight to kube-sim", directSamples)
console.log(`\nWharf adds at p99: ${(pct(wharfSamples, 99) - pct(directSamples, 99)).toFixed(2)} ms`)
server.closeAllConnections()
server.close()
await wharf.stop()
sim.kill("SIGTERM")
process.exit(0)
