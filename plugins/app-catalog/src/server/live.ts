/**
 * @module The control panel's live status (CP-7): Server-Sent Events from a REST route, fed by
 * the reconciler's status changes, like the hosts page's stream. Each viewer gets only the
 * instances they may see; changes are coalesced for a tenth of a second (the last status of
 * each instance wins).
 */
import { eventStream } from "@wharf/core"
import type { InstanceEvent } from "../shared/instances"
import type { InstanceChange, ReconcilerShape } from "./reconciler"

export const instanceEventStream = (
  reconciler: ReconcilerShape,
  visible: (change: InstanceChange) => boolean,
  signal: AbortSignal
): Response =>
  eventStream(signal, {
    flushMs: 100,
    retryMs: 3000,
    open: (sink) => {
      const pending = new Map<string, InstanceEvent>()
      const unsubscribe = reconciler.subscribe((change) => {
        if (!visible(change)) return
        const { tenant: _t, visibility: _v, ...event } = change
        pending.set(change.name, event)
      })
      return {
        flush: () => {
          if (pending.size === 0) return
          const events = [...pending.values()]
          pending.clear()
          sink.send("instances", events)
        },
        stop: unsubscribe
      }
    }
  })
