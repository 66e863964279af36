/**
 * @module The instance's Kubernetes events (概述): those of its own objects, its pods and its
 * Deployments' ReplicaSets, newest first, read from the cluster when asked (the cluster keeps
 * them for an hour; Wharf does not copy them).
 */
import * as k8s from "@kubernetes/client-node"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import type { InstanceKubeEvent, InstanceKubeEvents } from "../shared/instances"
import { INSTANCE_LABEL } from "../shared/render"
import { seeInstance } from "./access"
import { clusterSilent, listOwned } from "./kube"

/** Enough for the page; older ones are in the cluster. */
const MAX_EVENTS = 200

const timeOf = (e: k8s.CoreV1Event) => {
  const t = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp
  return t ? new Date(t).toISOString() : null
}

export const instanceEvents = (name: string) =>
  Effect.gen(function* () {
    const { row } = yield* seeInstance(name)
    const kc = yield* (yield* KubeClients).config(row.clusterId)
    const items = yield* Effect.tryPromise({
      try: async () => {
        const namespace = row.namespace
        const labelSelector = `${INSTANCE_LABEL}=${row.name}`
        const core = kc.makeApiClient(k8s.CoreV1Api)
        const [owned, pods, replicaSets, events] = await Promise.all([
          listOwned(kc, namespace, row.name),
          core.listNamespacedPod({ namespace, labelSelector }),
          kc.makeApiClient(k8s.AppsV1Api).listNamespacedReplicaSet({ namespace, labelSelector }),
          core.listNamespacedEvent({ namespace })
        ])
        const objects = new Set([
          ...owned.map((o) => `${o.kind}/${o.metadata?.name}`),
          ...pods.items.map((p) => `Pod/${p.metadata?.name}`),
          ...replicaSets.items.map((r) => `ReplicaSet/${r.metadata?.name}`)
        ])
        return events.items
          .map(
            (e): InstanceKubeEvent => ({
              time: timeOf(e),
              type: e.type ?? "Normal",
              reason: e.reason ?? "",
              object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
              message: e.message ?? "",
              count: e.count ?? 1
            })
          )
          .filter((e) => objects.has(e.object))
          .sort((a, b) => (b.time ?? "").localeCompare(a.time ?? ""))
          .slice(0, MAX_EVENTS)
      },
      catch: clusterSilent
    })
    return { items } satisfies InstanceKubeEvents
  })
