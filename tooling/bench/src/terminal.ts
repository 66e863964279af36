/**
 * @module Terminal benchmark: keystroke-to-echo latency of a pod's shell through Wharf's
 * WebSocket (session check, then client-node exec to kube-sim) beside client-node exec
 * straight to kube-sim, one keystroke at a time. kube-sim runs in its own process (as an API
 * server does); both sessions stay open and take turns, so a pause of this process (garbage
 * collection, Wharf's jobs) falls on both paths alike.
 *
 *   npx tsx tooling/bench/src/terminal.ts [keystrokes=300]
 */
import { cpus } from "node:os"
import { PassThrough } from "node:stream"
import * as k8s from "@kubernetes/client-node"
import { WebSocket } from "ws"
import { pct, sleep, startPodBench } from "./pod-bench"

const keystrokes = Number(process.argv[2] ?? 300)
const { kc, port, clusterId, browserHeaders, stop } = await startPodBench({ tickMs: 50 })

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
  `ws://127.0.0.1:${port}/api/v1/observe/terminal?cluster=${clusterId}&namespace=bench&pod=shell`,
  { headers: browserHeaders }
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
await stop()
process.exit(0)
