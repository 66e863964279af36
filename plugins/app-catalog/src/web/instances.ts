/**
 * @module The installed apps' client (`app-catalog.apps.*`) and their live status. Status
 * arrives over Server-Sent Events (a REST route: `EventSource` reconnects by itself with the
 * session cookie); a burst of changes becomes one refetch.
 */
import { onCleanup } from "solid-js"
import type { InstanceEvent } from "../shared/instances"
import { api } from "./api"

export const apps = api.apps

/** Calls `onChange` (at most every `throttleMs`) while instances change; closed with the owner. */
export const watchInstances = (
  onChange: (events: ReadonlyArray<InstanceEvent>) => void,
  options: { name?: string; throttleMs?: number } = {}
) => {
  let pending: InstanceEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const source = new EventSource("/api/v1/apps/events")
  source.addEventListener("instances", (e) => {
    const events = JSON.parse((e as MessageEvent<string>).data) as InstanceEvent[]
    const mine = options.name ? events.filter((x) => x.name === options.name) : events
    if (mine.length === 0) return
    pending.push(...mine)
    timer ??= setTimeout(() => {
      timer = undefined
      const batch = pending
      pending = []
      onChange(batch)
    }, options.throttleMs ?? 300)
  })
  onCleanup(() => {
    source.close()
    if (timer) clearTimeout(timer)
  })
}
