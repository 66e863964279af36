/**
 * @module What a tenant uses of its quota, as the cluster reports it: cpu and memory from
 * each priority's ResourceQuota status, storage from the tenant's storage quota (PVCs
 * count for the tenant as a whole), network as the sum of the bandwidth annotations of
 * its running pods at that priority (from the clusters plugin's pod cache). One list call.
 */
import * as k8s from "@kubernetes/client-node"
import { Unavailable } from "@wharf/core"
import { KubeClients, millicores, quantity } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import { INGRESS_BANDWIDTH, mbpsOf, priorityClassName } from "../shared/naming"
import type { ClusterQuota, PriorityUsage, Resources, TenantRef } from "../shared/types"
import { STORAGE_QUOTA } from "./objects"
import type { QuotaRecord } from "./store"

const MIB = 1024 * 1024

/** What the cluster's hosts can give: cores, MiB of memory and of ephemeral storage. */
export const capacityOf = Effect.fn("Quotas.capacity")(function* (clusterId: string) {
  const watch = yield* (yield* KubeClients).watch(clusterId)
  let cpu = 0
  let memory = 0
  let storage = 0
  for (const node of watch.nodes.list()) {
    const a = node.status?.allocatable ?? {}
    cpu += millicores(a.cpu)
    memory += quantity(a.memory)
    storage += quantity(a["ephemeral-storage"])
  }
  return { cpu: cpu / 1000, memory: Math.floor(memory / MIB), storage: Math.floor(storage / MIB) }
})

const running = (p: k8s.V1Pod) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed"

/** Used at each of `quotas` (one tenant, one cluster); null `used` with the reason when the cluster did not answer. */
export const usageOf = Effect.fn("Quotas.usage")(function* (
  tenant: TenantRef,
  cluster: { id: string; name: string },
  quotas: ReadonlyArray<QuotaRecord>
) {
  const kube = yield* KubeClients
  const read = Effect.gen(function* () {
    const core = yield* kube.api(cluster.id, k8s.CoreV1Api)
    const list = yield* Effect.tryPromise({
      try: () => core.listNamespacedResourceQuota({ namespace: tenant.namespace }),
      catch: (e) =>
        new Unavailable({
          message:
            e instanceof k8s.ApiException && e.code === 404
              ? `The namespace ${tenant.namespace} is not on ${cluster.name} yet`
              : `Cluster ${cluster.name} did not answer`
        })
    })
    const watch = yield* kube.watch(cluster.id)
    const pods = watch.pods.list(tenant.namespace).filter(running)
    return { quotas: list.items, pods }
  })
  const found = yield* Effect.result(read)
  const status = new Map(
    found._tag === "Success"
      ? found.success.quotas.map((q) => [q.metadata?.name ?? "", q.status?.used ?? {}])
      : []
  )
  const storageUsed = Math.round(quantity(status.get(STORAGE_QUOTA)?.["requests.storage"]) / MIB)
  const priorities: PriorityUsage[] = quotas.map((q) => {
    const className = priorityClassName(q.priority)
    const used = status.get(className)
    const network =
      found._tag === "Success"
        ? found.success.pods
            .filter((p) => p.spec?.priorityClassName === className)
            .reduce((s, p) => s + mbpsOf(p.metadata?.annotations?.[INGRESS_BANDWIDTH]), 0)
        : 0
    const hard: Resources = { cpu: q.cpu, memory: q.memory, storage: q.storage, network: q.network }
    return {
      quotaId: q.id,
      priority: q.priority,
      hard,
      used:
        found._tag === "Success" && used
          ? {
              cpu: millicores(used["requests.cpu"]) / 1000,
              memory: Math.round(quantity(used["requests.memory"]) / MIB),
              storage: storageUsed,
              network
            }
          : null
    }
  })
  return {
    clusterId: cluster.id,
    clusterName: cluster.name,
    tenant,
    priorities,
    problem:
      found._tag === "Failure"
        ? found.failure.message
        : priorities.some((p) => p.used === null)
          ? `Not yet applied on ${cluster.name}`
          : null
  } satisfies ClusterQuota
})
