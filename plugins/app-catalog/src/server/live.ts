/**
 * @module The control panel's live status (CP-7): Server-Sent Events from a REST route, fed by
 * the reconciler's status changes, like the hosts page's stream. Each viewer gets only the
 * instances they may see; changes are coalesced for a tenth of a second (the last status of
 * each instance wins); a comment every 20 s keeps proxies from closing the stream.
 */
import type { InstanceEvent } from "../shared/instances"
import type { InstanceChange, ReconcilerShape } from "./reconciler"

const FLUSH_MS = 100
const HEARTBEAT_MS = 20_000

export const instanceEventStream = (
  reconciler: ReconcilerShape,
  visible: (change: InstanceChange) => boolean,
  signal: AbortSignal
): Response => {
  const encoder = new TextEncoder()
  let cleanup = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const pending = new Map<string, InstanceEvent>()
      let closed = false
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text))
      }
      const flush = setInterval(() => {
        if (pending.size === 0) return
        const events = [...pending.values()]
        pending.clear()
        send(`event: instances\ndata: ${JSON.stringify(events)}\n\n`)
      }, FLUSH_MS)
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS)
      const unsubscribe = reconciler.subscribe((change) => {
        if (!visible(change)) return
        const { tenant: _t, visibility: _v, ...event } = change
        pending.set(change.name, event)
      })
      cleanup = () => {
        if (closed) return
        closed = true
        clearInterval(flush)
        clearInterval(heartbeat)
        unsubscribe()
        signal.removeEventListener("abort", cleanup)
        try {
          controller.close()
        } catch {
          // already closed by the client
        }
      }
      signal.addEventListener("abort", cleanup)
      send(`retry: 3000\nevent: ready\ndata: {}\n\n`)
    },
    cancel() {
      cleanup()
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
