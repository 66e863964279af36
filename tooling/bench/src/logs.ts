/**
 * @module Logs benchmark: from the moment the simulated app writes a line (its own timestamp,
 * which kube-sim puts at the start of each line) until a reader has it — a Server-Sent Events
 * reader of Wharf's `/observe/logs/stream` (what the console's page reads) beside client-node's
 * `Log` with follow straight to kube-sim (what `kubectl logs -f` does). Both follow the same
 * container at once, so each line is timed on both paths; kube-sim runs in its own process.
 *
 *   npx tsx tooling/bench/src/logs.ts [seconds=60]
 */
import { cpus } from "node:os"
import { Writable } from "node:stream"
import * as k8s from "@kubernetes/client-node"
import { pct, sleep, startPodBench } from "./pod-bench"

const seconds = Number(process.argv[2] ?? 60)
// A tick of 20 ms: the container writes a line every 100 ms.
const { kc, port, clusterId, browserHeaders, stop } = await startPodBench({ tickMs: 20 })

/** A line's write time: the app's timestamp at its start (`2026-12-05T18:14:24.000Z INFO …`). */
const writtenAt = (text: string) => Date.parse(text.slice(0, 24))

const direct = new Map<number, number>()
const viaWharf = new Map<number, number>()

// Straight to kube-sim, as kubectl logs -f.
await new k8s.Log(kc).log(
  "bench",
  "shell",
  "app",
  new Writable({
    write(chunk: Buffer, _, done) {
      const now = Date.now()
      for (const line of chunk.toString().split("\n")) if (line) direct.set(writtenAt(line), now)
      done()
    }
  }),
  { follow: true, tailLines: 1 }
)

// Through Wharf, as the console's logs page.
const stream = new AbortController()
const res = await fetch(
  `http://127.0.0.1:${port}/api/v1/observe/logs/stream?${new URLSearchParams({ cluster: clusterId, namespace: "bench", pod: "shell", container: "app", tail: "1" })}`,
  { headers: { ...browserHeaders, accept: "text/event-stream" }, signal: stream.signal }
)
if (res.status !== 200) throw new Error(`logs stream: ${res.status}`)
const reading = (async () => {
  const decoder = new TextDecoder()
  let buffer = ""
  for await (const chunk of res.body!) {
    const now = Date.now()
    buffer += decoder.decode(chunk as Uint8Array, { stream: true })
    let end = buffer.indexOf("\n\n")
    while (end >= 0) {
      const event = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      end = buffer.indexOf("\n\n")
      if (!event.startsWith("event: lines")) continue
      const data = event.slice(event.indexOf("data: ") + 6)
      for (const l of (JSON.parse(data) as { lines: Array<{ text: string }> }).lines)
        viaWharf.set(writtenAt(l.text), now)
    }
  }
})().catch(() => {})

await sleep(seconds * 1000)
stream.abort()
await reading

// Lines both paths delivered, except the tail each started with.
const both = [...viaWharf.keys()].filter((t) => direct.has(t)).sort((a, b) => a - b)
const lines = both.slice(1)
const wharfMs = lines.map((t) => viaWharf.get(t)! - t)
const directMs = lines.map((t) => direct.get(t)! - t)
const added = lines.map((t) => viaWharf.get(t)! - direct.get(t)!)
console.log(
  `Log line written to read, ${lines.length} lines over ${seconds} s, one every 100 ms (${cpus().length} × ${cpus()[0]?.model}):\n`
)
console.log("| path | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|")
const row = (name: string, samples: number[]) =>
  console.log(
    `| ${name} | ${[50, 95, 99].map((p) => pct(samples, p)).join(" | ")} | ${Math.max(...samples)} |`
  )
row("through Wharf (SSE reader of /observe/logs/stream)", wharfMs)
row("client-node Log follow straight to kube-sim", directMs)
row("Wharf's part (same line, Wharf − straight)", added)
// The straight follow ends with kube-sim.
await stop()
process.exit(0)
