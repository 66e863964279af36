/**
 * @module The collector: every interval, once across replicas (a core job), reads
 * metrics.k8s.io for every registered cluster's pods (per container) and nodes into Wharf's
 * store; each cycle also rolls up finished hours and expires what retention no longer keeps.
 * Network and filesystem are not in metrics.k8s.io: they are read from the `kube-sim.io/*`
 * annotations when a cluster has them (kube-sim does); a real cluster's come from Prometheus.
 */
import * as k8s from "@kubernetes/client-node"
import type { JobDefinition } from "@wharf/core"
import { KubeClients, quantity } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import { INTERVAL_SECONDS, INTERVAL_SETTING, ObserveSettings } from "../settings"
import { appendCycle, expire, type Observation, rollupFinishedHours } from "./store"

interface PodMetrics {
  metadata?: {
    name?: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  containers?: Array<{ name: string; usage?: Record<string, string> }>
}
interface NodeMetrics {
  metadata?: { name?: string; annotations?: Record<string, string> }
  usage?: Record<string, string>
}

export const APP_INSTANCE_LABEL = "wharf.io/app-instance"
const COMPONENT_LABEL = "app.kubernetes.io/component"

const annotation = (a: Record<string, string> | undefined, k: string) => {
  const v = a?.[`kube-sim.io/${k}`]
  return v === undefined ? undefined : Number(v)
}

/** The observations of one cluster's metrics lists (pure: the benchmark feeds it 20,000 pods). */
export function observationsOf(
  clusterId: string,
  pods: ReadonlyArray<PodMetrics>,
  nodes: ReadonlyArray<NodeMetrics>
): Observation[] {
  const out: Observation[] = []
  for (const p of pods) {
    const namespace = p.metadata?.namespace ?? ""
    const name = p.metadata?.name ?? ""
    const labels = p.metadata?.labels
    const app = { appInstance: labels?.[APP_INSTANCE_LABEL], component: labels?.[COMPONENT_LABEL] }
    const at = { clusterId, namespace, name, ...app }
    for (const c of p.containers ?? []) {
      const container = { ...at, kind: "container" as const, container: c.name }
      out.push({ ...container, metric: "cpu", value: quantity(c.usage?.cpu) })
      out.push({ ...container, metric: "memory", value: quantity(c.usage?.memory) })
    }
    const rx = annotation(p.metadata?.annotations, "ingress-rate")
    const tx = annotation(p.metadata?.annotations, "egress-rate")
    if (rx !== undefined) out.push({ ...at, kind: "pod", container: "", metric: "rx", value: rx })
    if (tx !== undefined) out.push({ ...at, kind: "pod", container: "", metric: "tx", value: tx })
  }
  for (const n of nodes) {
    const at = {
      clusterId,
      kind: "node" as const,
      namespace: "",
      name: n.metadata?.name ?? "",
      container: ""
    }
    out.push({ ...at, metric: "cpu", value: quantity(n.usage?.cpu) })
    out.push({ ...at, metric: "memory", value: quantity(n.usage?.memory) })
    const a = n.metadata?.annotations
    const extra = [
      ["rx", annotation(a, "ingress-rate")],
      ["tx", annotation(a, "egress-rate")],
      ["fs", annotation(a, "fs-used-bytes")],
      ["fs_capacity", annotation(a, "fs-capacity-bytes")]
    ] as const
    for (const [metric, value] of extra) if (value !== undefined) out.push({ ...at, metric, value })
  }
  return out.filter((o) => Number.isFinite(o.value))
}

/** When this replica last expired old data (another replica may have since: it is idempotent). */
let lastExpired = 0

const group = { group: "metrics.k8s.io", version: "v1beta1" }

/** One cycle: every cluster's metrics at `now`; a cluster that does not answer is skipped this time. */
export const collectOnce = Effect.fn("Metrics.collect")(function* (now = Date.now()) {
  const clients = yield* KubeClients
  const clusters = yield* clients.clusters
  const settings = yield* ObserveSettings
  const all = yield* Effect.forEach(
    clusters,
    (c) =>
      Effect.gen(function* () {
        const custom = yield* clients.api(c.id, k8s.CustomObjectsApi)
        const [pods, nodes] = yield* Effect.tryPromise(() =>
          Promise.all([
            custom.listClusterCustomObject({ ...group, plural: "pods" }) as Promise<{ items?: PodMetrics[] }>,
            custom.listClusterCustomObject({ ...group, plural: "nodes" }) as Promise<{
              items?: NodeMetrics[]
            }>
          ])
        )
        return observationsOf(c.id, pods.items ?? [], nodes.items ?? [])
      }).pipe(
        Effect.catchCause((cause) =>
          Effect.as(Effect.logWarning(`metrics of cluster ${c.name} not collected`, cause), [])
        )
      ),
    { concurrency: 4 }
  )
  const observations = all.flat()
  // Sample times are whole seconds: the packed format keeps second offsets.
  yield* appendCycle(Math.floor(now / 1000) * 1000, observations)
  yield* rollupFinishedHours(now)
  // Retention moves by the hour: deleting every 15 s would scan the series for nothing.
  if (now - lastExpired >= 10 * 60_000) {
    yield* expire(now, settings)
    lastExpired = now
  }
  return observations.length
})

export const collectJob: JobDefinition = {
  id: "observe.metrics.collect",
  schedule: { every: `${INTERVAL_SECONDS} seconds`, everySetting: INTERVAL_SETTING },
  run: Effect.asVoid(collectOnce())
}
