/**
 * @module The terminal and logs pages' client: the pod's containers (REST; the same check the
 * terminal's WebSocket and the log stream make, so a refusal is shown in words before
 * connecting), and the addresses of the terminal socket, the log stream and the download.
 */
import { fetchJson } from "@wharf/core/web"
import type { PodContainer, PodInfo } from "../shared"

export interface PodAddress {
  readonly clusterId: string
  readonly namespace: string
  readonly pod: string
}

const podQuery = (p: PodAddress) => ({ cluster: p.clusterId, namespace: p.namespace, pod: p.pod })

export const fetchPod = (p: PodAddress) =>
  fetchJson<PodInfo>(`/api/v1/observe/pod?${new URLSearchParams(podQuery(p))}`)

/** Console paths of a container's pages (the slot links and the pages' own switches). */
export const pagePath = (page: "terminal" | "logs", c: PodContainer) =>
  `/observe/${page}/${encodeURIComponent(c.clusterId)}/${encodeURIComponent(c.namespace)}/${encodeURIComponent(c.pod)}?container=${encodeURIComponent(c.container)}`

export const terminalSocketUrl = (c: PodContainer, shell: string, cols: number, rows: number) => {
  const scheme = location.protocol === "https:" ? "wss" : "ws"
  const q = new URLSearchParams({
    ...podQuery(c),
    container: c.container,
    shell,
    cols: String(cols),
    rows: String(rows)
  })
  return `${scheme}://${location.host}/api/v1/observe/terminal?${q}`
}

export interface LogOptions {
  readonly tail: number | null
  readonly sinceSeconds: number | null
  readonly previous: boolean
}

const logsQuery = (c: PodContainer, o: LogOptions, sinceTime?: string) =>
  new URLSearchParams({
    ...podQuery(c),
    container: c.container,
    ...(sinceTime ? { sinceTime } : o.tail ? { tail: String(o.tail) } : {}),
    ...(o.sinceSeconds && !sinceTime ? { sinceSeconds: String(o.sinceSeconds) } : {}),
    ...(o.previous ? { previous: "true" } : {})
  })

export const logsStreamUrl = (c: PodContainer, o: LogOptions, sinceTime?: string) =>
  `/api/v1/observe/logs/stream?${logsQuery(c, o, sinceTime)}`

export const logsDownloadUrl = (c: PodContainer, o: LogOptions) =>
  `/api/v1/observe/logs/download?${logsQuery(c, { ...o, tail: null })}`
