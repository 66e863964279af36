/**
 * @module The hosts view's live stream: Server-Sent Events from a REST route, fed by the
 * cluster's informers. Changes are coalesced for a quarter second into one `hosts` event
 * naming the changed hosts. The browser's `EventSource` reconnects on its own, with the
 * session cookie.
 */
import { eventStream } from "@wharf/core"
import type { HostsChanged } from "../shared/types"
import type { ClusterWatch } from "./clusterWatch"

export const hostsEventStream = (watch: ClusterWatch, signal: AbortSignal): Response =>
  eventStream(signal, {
    flushMs: 250,
    retryMs: 3000,
    open: (sink) => {
      const pending = new Set<string>()
      let all = false
      const unsubscribe = watch.subscribe((change) => {
        for (const n of change.nodes) pending.add(n)
        if (change.all || pending.size > 500) all = true
      })
      const stopped = watch.onStop(() => sink.close())
      return {
        flush: () => {
          if (pending.size === 0 && !all) return
          const change: HostsChanged = { nodes: [...pending], all }
          pending.clear()
          all = false
          sink.send("hosts", change)
        },
        stop: () => {
          unsubscribe()
          stopped()
        }
      }
    }
  })
