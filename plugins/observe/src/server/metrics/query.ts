/**
 * @module The metrics range query with its authorization: a pod's or an app's metrics to whoever
 * may use its tenant (its namespace; admins any, and they alone namespaces of no tenant); a
 * host's to whoever may see its cluster, by the clusters plugin's rule (`ClusterAccess`: admins,
 * the cluster's owners, users whose tenant holds quota there). What the viewer may not see is "not found", like other tenants' data. The
 * check is on the namespace, not the live pod: a deleted pod's history stays readable.
 */
import { hasRole, Invalid, NotFound, requireViewer } from "@wharf/core"
import { ClusterAccess, KubeClients } from "@wharf/plugin-clusters/shared"
import { Tenants } from "@wharf/plugin-tenants/shared"
import { Effect } from "effect"
import type { MetricsRangeInput } from "../../shared/metrics"
import { ObserveSettings } from "../settings"
import { prometheusRange } from "./prometheus"
import { storeRange } from "./range"
import { findSeries } from "./store"

const MAX_SPAN_MS = 31 * 86_400_000

const absent = (what: string) => new NotFound({ message: `There are no metrics of ${what} that you may see` })

const authorize = Effect.fn("Metrics.authorize")(function* (input: MetricsRangeInput) {
  const viewer = yield* requireViewer
  const clusters = yield* (yield* KubeClients).clusters
  const what =
    input.target === "host"
      ? `host ${input.node}`
      : input.target === "app"
        ? `app ${input.instance} in ${input.namespace}`
        : `pod ${input.pod} in ${input.namespace}`
  if (!clusters.some((c) => c.id === input.clusterId)) return yield* absent(what)
  if (hasRole(viewer, "admin")) return
  if (input.target === "host") {
    if (!(yield* (yield* ClusterAccess).canSee(viewer, input.clusterId))) return yield* absent(what)
    return
  }
  const usable = yield* (yield* Tenants).usableBy(viewer)
  if (!usable.some((t) => t.namespace === input.namespace)) return yield* absent(what)
})

export const metricsRange = Effect.fn("Metrics.range")(function* (input: MetricsRangeInput) {
  if (!(input.to > input.from) || input.to - input.from > MAX_SPAN_MS)
    return yield* new Invalid({ message: "A range ends after it starts and spans at most 31 days" })
  const needs = { pod: ["namespace", "pod"], app: ["namespace", "instance"], host: ["node"] }[input.target]
  for (const field of needs)
    if (!input[field as keyof MetricsRangeInput])
      return yield* new Invalid({ message: `A ${input.target} range needs ${field}` })
  yield* authorize(input)
  const settings = yield* ObserveSettings
  if (settings.prometheusUrl)
    return yield* prometheusRange(settings.prometheusUrl, input, settings.intervalSeconds)
  return yield* storeRangeOf(input)
})

/** A range from Wharf's own store (the collector's samples and rollups); the caller checked `input`. */
export const storeRangeOf = Effect.fn("Metrics.storeRange")(function* (input: MetricsRangeInput) {
  const at = { clusterId: input.clusterId }
  if (input.target === "host") {
    const series = yield* findSeries({
      ...at,
      kind: "node",
      name: input.node!,
      metrics: ["cpu", "memory", "rx", "tx", "fs", "fs_capacity"]
    })
    return yield* storeRange(series, () => "", input.from, input.to)
  }
  if (input.target === "app") {
    const series = yield* findSeries({
      ...at,
      kind: "container",
      namespace: input.namespace!,
      appInstance: input.instance!,
      metrics: ["cpu", "memory"]
    })
    return yield* storeRange(series, (s) => s.component ?? "", input.from, input.to)
  }
  const containers = yield* findSeries({
    ...at,
    kind: "container",
    namespace: input.namespace!,
    name: input.pod!,
    ...(input.container ? { container: input.container } : {}),
    metrics: ["cpu", "memory"]
  })
  const network = yield* findSeries({
    ...at,
    kind: "pod",
    namespace: input.namespace!,
    name: input.pod!,
    metrics: ["rx", "tx"]
  })
  return yield* storeRange([...containers, ...network], (s) => s.container, input.from, input.to)
})
