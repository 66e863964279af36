/**
 * @module Server-Sent Events from a REST route: the one place that opens the stream, sends
 * `ready`, keeps proxies from closing it (a comment every 20 s), flushes what a feed has
 * coalesced on a fixed tick, and stops the feed when the reader goes away. A plugin supplies
 * only its feed: what it subscribes to, and what one flush sends.
 */

const HEARTBEAT_MS = 20_000

export interface EventSink {
  /** Sends one event with JSON data (nothing once the stream has closed). */
  readonly send: (event: string, data: unknown) => void
  /** Ends the stream from the server's side (the feed has nothing more to say). */
  readonly close: () => void
}

export interface EventFeed {
  /** Sends what has gathered since the last flush, if anything. */
  readonly flush: () => void
  /** Unsubscribes; called once, however the stream ends. */
  readonly stop: () => void
}

export interface EventStreamOptions {
  /** How long changes are coalesced before a flush. */
  readonly flushMs: number
  /** The `ready` event's data (e.g. which container a log follows). */
  readonly ready?: unknown
  /** How soon the browser's `EventSource` reconnects; absent when the page reconnects itself. */
  readonly retryMs?: number
  readonly open: (sink: EventSink) => EventFeed
}

export const eventStream = (signal: AbortSignal, options: EventStreamOptions): Response => {
  const encoder = new TextEncoder()
  let close = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text))
      }
      const sink: EventSink = {
        send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        close: () => close()
      }
      const feed = options.open(sink)
      const flush = setInterval(() => feed.flush(), options.flushMs)
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS)
      close = () => {
        if (closed) return
        closed = true
        clearInterval(flush)
        clearInterval(heartbeat)
        feed.stop()
        signal.removeEventListener("abort", close)
        try {
          controller.close()
        } catch {
          // already closed by the reader
        }
      }
      signal.addEventListener("abort", close)
      if (options.retryMs !== undefined) write(`retry: ${options.retryMs}\n`)
      sink.send("ready", options.ready ?? {})
    },
    cancel() {
      close()
    }
  })
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no"
    }
  })
}
