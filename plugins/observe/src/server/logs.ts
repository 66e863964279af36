/**
 * @module A container's current logs: a Server-Sent Events stream that follows the
 * container (client-node's Log with follow and timestamps) and a plain-text download.
 * A line goes out at once when nothing was sent in the last 50 ms, else with the next batch
 * (at most one every 50 ms); a reader that falls LOG_SEND_LINES behind loses
 * the oldest lines and is told how many (`dropped`), so a chatty container never grows
 * the server's memory.
 */
import { Writable } from "node:stream"
import * as k8s from "@kubernetes/client-node"
import { contentDisposition, eventStream, Invalid, NotFound, Unavailable } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import { LOG_SEND_LINES, type LogLine, type LogsQuery } from "../shared"
import { type AllowedPod, allowedPod } from "./access"

const FLUSH_MS = 50
/** A download stops here: a log larger than this is read in the terminal or with kubectl. */
const DOWNLOAD_MAX_BYTES = 20 * 1024 ** 2

/** `2026-12-05T15:04:05.123456789Z text` (kubelet's timestamps=true) → its time and text. */
const splitTimestamp = (line: string): LogLine => {
  const space = line.indexOf(" ")
  return space > 0 && /^\d{4}-\d\d-\d\dT/.test(line)
    ? { t: line.slice(0, space), text: line.slice(space + 1) }
    : { t: "", text: line }
}

/** Refuses, in words, what the cluster would refuse without saying why (client-node drops its message). */
const checkRun = (allowed: AllowedPod, previous: boolean) => {
  const status = allowed.pod.status?.containerStatuses?.find((s) => s.name === allowed.container)
  if (previous && !status?.lastState?.terminated)
    return new Invalid({
      message: `Container ${allowed.container} has not restarted: there is no previous run to show`,
      reason: "observe.noPreviousRun",
      params: { container: allowed.container }
    })
  if (!previous && status?.state?.waiting && !status.lastState?.terminated)
    return new Invalid({
      message: `Container ${allowed.container} has not started yet (${status.state.waiting.reason ?? "waiting"})`,
      reason: "observe.notStarted",
      params: { container: allowed.container, why: status.state.waiting.reason ?? "waiting" }
    })
  return null
}

const openLog = Effect.fn("Observe.openLog")(function* (query: LogsQuery, sink: Writable, follow: boolean) {
  // client-node pipes the response into `sink`; aborting it (the reader left) errors that
  // response stream, which nothing else listens to: an unheard error would end the process.
  sink.on("pipe", (source) => source.on("error", () => sink.end()))
  const allowed = yield* allowedPod({
    clusterId: query.cluster,
    namespace: query.namespace,
    pod: query.pod,
    container: query.container
  })
  const previous = query.previous === "true"
  const refused = checkRun(allowed, previous)
  if (refused) return yield* refused
  const config = yield* (yield* KubeClients).config(query.cluster)
  const options: k8s.LogOptions = {
    follow: follow && !previous,
    timestamps: true,
    previous,
    ...(query.tail ? { tailLines: query.tail } : {}),
    ...(query.sinceSeconds ? { sinceSeconds: query.sinceSeconds } : {}),
    ...(query.sinceTime && !query.sinceSeconds ? { sinceTime: query.sinceTime } : {}),
    ...(follow ? {} : { limitBytes: DOWNLOAD_MAX_BYTES })
  }
  const abort = yield* Effect.tryPromise({
    try: () => new k8s.Log(config).log(query.namespace, query.pod, allowed.container, sink, options),
    catch: (e) =>
      e instanceof k8s.ApiException && e.code === 404
        ? new NotFound({ message: `Pod ${query.pod} is gone` })
        : new Unavailable({ message: `The cluster did not send the logs: ${(e as Error).message}` })
  })
  return { abort, container: allowed.container }
})

/** Splits what the cluster writes into lines, keeping at most LOG_SEND_LINES not yet sent. */
class LineQueue extends Writable {
  pending: LogLine[] = []
  dropped = 0
  ended = false
  /** Told when whole lines arrived (the stream may send them at once). */
  onLines: () => void = () => {}
  private partial = ""
  override _write(chunk: Buffer, _: BufferEncoding, done: () => void) {
    const parts = (this.partial + chunk.toString("utf8")).split("\n")
    this.partial = parts.pop() ?? ""
    for (const p of parts) this.push(p)
    done()
    if (parts.length > 0) this.onLines()
  }
  override _final(done: () => void) {
    if (this.partial) this.push(this.partial)
    this.partial = ""
    this.ended = true
    done()
  }
  private push(line: string) {
    this.pending.push(splitTimestamp(line.replace(/\r$/, "")))
    if (this.pending.length > LOG_SEND_LINES) {
      const over = this.pending.length - LOG_SEND_LINES
      this.pending.splice(0, over)
      this.dropped += over
    }
  }
}

/** The `text/event-stream` answer: `ready`, then `lines` batches, `dropped` counts, and `end`. */
export const followLogs = (query: LogsQuery, signal: AbortSignal) =>
  Effect.gen(function* () {
    const queue = new LineQueue()
    const { abort, container } = yield* openLog(query, queue, true)
    // The browser reconnects itself (from its last line); no EventSource retry.
    return eventStream(signal, {
      flushMs: FLUSH_MS,
      ready: { container },
      open: (sink) => {
        queue.on("error", () => sink.close())
        let sentAt = 0
        const flush = () => {
          if (queue.dropped > 0) {
            sink.send("dropped", { count: queue.dropped })
            queue.dropped = 0
          }
          if (queue.pending.length > 0) {
            sink.send("lines", { lines: queue.pending })
            queue.pending = []
            sentAt = Date.now()
          }
          if (queue.ended) {
            sink.send("end", {})
            sink.close()
          }
        }
        // A quiet log's line needs no wait for the next batch; a chatty one is still batched.
        queue.onLines = () => {
          if (Date.now() - sentAt >= FLUSH_MS) flush()
        }
        return { flush, stop: () => abort.abort() }
      }
    })
  })

/** The log as a file (up to 20 MiB), named after the pod and container. */
export const downloadLogs = (query: LogsQuery) =>
  Effect.gen(function* () {
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _, done) {
        chunks.push(chunk)
        done()
      }
    })
    const finished = new Promise<void>((resolve, reject) => {
      sink.on("finish", resolve)
      sink.on("error", reject)
    })
    const { container } = yield* openLog(query, sink, false)
    yield* Effect.tryPromise({
      try: () => finished,
      catch: () => new Unavailable({ message: "The cluster stopped sending the logs" })
    })
    const name = `${query.pod}-${container}${query.previous === "true" ? "-previous" : ""}.log`
    return new Response(Buffer.concat(chunks), {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": contentDisposition(name)
      }
    })
  })
