/** @module The metrics client and the console path of a pod's metrics page. */
import { pluginApi } from "@wharf/core/web"
import type { ObserveRouter } from "../../server"

export const metricsApi = pluginApi<ObserveRouter>("observe").metrics

export const metricsPath = (c: { clusterId: string; namespace: string; pod: string; container?: string }) =>
  `/observe/metrics/${encodeURIComponent(c.clusterId)}/${encodeURIComponent(c.namespace)}/${encodeURIComponent(c.pod)}${c.container ? `?container=${encodeURIComponent(c.container)}` : ""}`
