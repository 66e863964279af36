/**
 * @module The hosts view's live stream: Server-Sent Events from a REST route, fed by the
 * cluster's informers. Changes are coalesced for a quarter second into one `hosts` event
 * naming the changed hosts; a comment every 20 s keeps proxies from closing the stream.
 * The browser's `EventSource` reconnects on its own, with the session cookie.
 */
import type { HostsChanged } from "../shared/types"
import type { ClusterWatch } from "./clusterWatch"

const FLUSH_MS = 250
const HEARTBEAT_MS = 20_000

export const hostsEventStream = (watch: ClusterWatch, signal: AbortSignal): Response => {
  const encoder = new TextEncoder()
  let cleanup = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const pending = new Set<string>()
      let all = false
      let closed = false
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text))
      }
      const flush = setInterval(() => {
        if (pending.size === 0 && !all) return
        const change: HostsChanged = { nodes: [...pending], all }
        pending.clear()
        all = false
        send(`event: hosts\ndata: ${JSON.stringify(change)}\n\n`)
      }, FLUSH_MS)
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS)
      const unsubscribe = watch.subscribe((change) => {
        for (const n of change.nodes) pending.add(n)
        if (change.all || pending.size > 500) all = true
      })
      cleanup = () => {
        if (closed) return
        closed = true
        clearInterval(flush)
        clearInterval(heartbeat)
        unsubscribe()
        stopped()
        signal.removeEventListener("abort", cleanup)
        try {
          controller.close()
        } catch {
          // already closed by the client
        }
      }
      const stopped = watch.onStop(() => cleanup())
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
