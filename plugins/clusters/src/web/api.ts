/**
 * @module The clusters pages' client: tRPC for queries and changes, and the hosts' live
 * stream (Server-Sent Events from a REST route: `EventSource` reconnects by itself and
 * sends the session cookie, and the shared tRPC client has no subscription link).
 */
import { pluginApi, renderReason, t } from "@wharf/core/web"
import { onCleanup } from "solid-js"
import type { ClustersRouter } from "../server/router"
import type { LabelProblem } from "../shared/labels"
import type { HostsChanged } from "../shared/types"

export const api = pluginApi<ClustersRouter>("clusters")

/** A label problem in the reader's language, its part ("the key", "the value") too. */
export const describeProblem = (p: LabelProblem) => {
  const part = p.params?.part
  const params = part ? { ...p.params, part: t(`clusters.labelPart.${part}`) } : p.params
  return renderReason({ code: p.code, ...(params ? { params } : {}) }, p.message)
}

/** Calls `onChange` (at most every `throttleMs`) while the cluster's hosts change; closed with the owner. */
export const watchHosts = (onChange: (change: HostsChanged) => void, throttleMs = 500) => {
  let source: EventSource | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: HostsChanged | undefined
  const fire = () => {
    timer = undefined
    if (pending) onChange(pending)
    pending = undefined
  }
  const open = (id: string) => {
    source?.close()
    source = new EventSource(`/api/v1/clusters/${encodeURIComponent(id)}/events`)
    source.addEventListener("hosts", (e) => {
      const change = JSON.parse((e as MessageEvent<string>).data) as HostsChanged
      pending = pending
        ? { nodes: [...new Set([...pending.nodes, ...change.nodes])], all: pending.all || change.all }
        : change
      timer ??= setTimeout(fire, throttleMs)
    })
  }
  onCleanup(() => {
    source?.close()
    if (timer) clearTimeout(timer)
  })
  return { open, close: () => source?.close() }
}
