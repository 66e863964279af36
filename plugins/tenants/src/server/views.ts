/**
 * @module What the tenant pages show: my quota per cluster with what is used, a tenant's
 * quotas, and pods preempted (from the clusters' `Preempted` events, with the pod that
 * took their place).
 */
import * as k8s from "@kubernetes/client-node"
import { hasRole, requireViewer, Unavailable } from "@wharf/core"
import { type ClusterRef, KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import { INGRESS_BANDWIDTH, mbpsOf, priorityOfClass } from "../shared/naming"
import type { ClusterQuota, HostPriorities, Preemption, TenantRef } from "../shared/types"
import { listQuotas, type QuotaRecord } from "./store"
import { usableBy, visibleTenant } from "./tenants"
import { noDb } from "./unavailable"
import { usageOf } from "./usage"

const byClusterAndTenant = (rows: ReadonlyArray<QuotaRecord>, clusters: ReadonlyArray<ClusterRef>) => {
  const groups = new Map<string, { tenant: TenantRef; cluster: ClusterRef; quotas: QuotaRecord[] }>()
  for (const q of rows) {
    const cluster = clusters.find((c) => c.id === q.clusterId)
    if (!cluster) continue
    const key = `${q.clusterId}/${q.tenant.id}`
    const g = groups.get(key) ?? { tenant: q.tenant, cluster, quotas: [] }
    g.quotas.push(q)
    groups.set(key, g)
  }
  return [...groups.values()]
}

const withUsage = (groups: ReturnType<typeof byClusterAndTenant>) =>
  Effect.forEach(groups, (g) => usageOf(g.tenant, g.cluster, g.quotas), { concurrency: 8 })

/** The viewer's quota on each cluster, per tenant they may use (search: cluster name). */
export const myQuotas = Effect.fn("Quotas.mine")(function* (search: string | undefined) {
  const viewer = yield* requireViewer
  const tenants = yield* usableBy(viewer)
  const clusters = yield* (yield* KubeClients).clusters
  const q = search?.trim().toLowerCase() ?? ""
  const rows = yield* listQuotas({ tenantIds: tenants.map((t) => t.id) })
  const groups = byClusterAndTenant(rows, clusters).filter(
    (g) => q === "" || g.cluster.name.toLowerCase().includes(q)
  )
  return { tenants, quotas: (yield* withUsage(groups)) as ReadonlyArray<ClusterQuota> }
}, noDb)

/** One tenant's quotas on every cluster, with usage. */
export const tenantQuotas = Effect.fn("Quotas.ofTenant")(function* (tenantId: string) {
  const found = yield* visibleTenant(tenantId)
  const clusters = yield* (yield* KubeClients).clusters
  const rows = yield* listQuotas({ tenantIds: [found.ref.id] })
  return (yield* withUsage(byClusterAndTenant(rows, clusters))) as ReadonlyArray<ClusterQuota>
}, noDb)

const PREEMPTED = /^Preempted by (?:pod )?(\S+?)(?: on node (\S+))?$/

/** `Preempted` events in `namespace` (or every namespace), newest first, the preemptor named when known. */
const preemptionsIn = Effect.fn("Quotas.preemptions")(function* (clusterId: string, namespace?: string) {
  const kube = yield* KubeClients
  const core = yield* kube.api(clusterId, k8s.CoreV1Api)
  const events = yield* Effect.tryPromise({
    try: () =>
      namespace
        ? core.listNamespacedEvent({ namespace, fieldSelector: "reason=Preempted" })
        : core.listEventForAllNamespaces({ fieldSelector: "reason=Preempted" }),
    catch: () => new Unavailable({ message: "The cluster did not answer" })
  })
  const watch = yield* Effect.result(kube.watch(clusterId))
  const pods = watch._tag === "Success" ? watch.success.pods.list() : []
  const out: Preemption[] = []
  for (const e of events.items) {
    if (e.reason !== "Preempted") continue
    const m = PREEMPTED.exec(e.message ?? "")
    const ref = m?.[1] ?? ""
    const by = pods.find(
      (p) => p.metadata?.uid === ref || `${p.metadata?.namespace}/${p.metadata?.name}` === ref
    )
    out.push({
      namespace: e.involvedObject.namespace ?? "",
      pod: e.involvedObject.name ?? "",
      node: m?.[2] ?? null,
      by: by ? `${by.metadata?.namespace}/${by.metadata?.name}` : ref,
      byPriority: by?.spec?.priority ?? null,
      at: new Date(
        e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? Date.now()
      ).toISOString()
    })
  }
  return out.sort((a, b) => b.at.localeCompare(a.at))
})

/** A tenant's preempted pods on every cluster where it holds quota. */
export const tenantPreemptions = Effect.fn("Quotas.tenantPreemptions")(function* (tenantId: string) {
  const found = yield* visibleTenant(tenantId)
  const clusters = yield* (yield* KubeClients).clusters
  const rows = yield* listQuotas({ tenantIds: [found.ref.id] })
  const ids = [...new Set(rows.map((r) => r.clusterId))]
  const lists = yield* Effect.forEach(ids, (id) =>
    Effect.map(
      Effect.orElseSucceed(preemptionsIn(id, found.ref.namespace), () => []),
      (items) =>
        items.map((p) => ({
          ...p,
          clusterId: id,
          clusterName: clusters.find((c) => c.id === id)?.name ?? id
        }))
    )
  )
  return lists.flat()
}, noDb)

/**
 * Pods on a host by priority, their bandwidth and the preemptions there. Admins see
 * every pod; others only their tenants' (the rest of the host is not theirs to see).
 */
export const hostPriorities = Effect.fn("Quotas.host")(function* (clusterId: string, node: string) {
  const viewer = yield* requireViewer
  const kube = yield* KubeClients
  const watch = yield* kube.watch(clusterId)
  const admin = hasRole(viewer, "admin")
  const mine = admin ? null : new Set((yield* usableBy(viewer)).map((t) => t.namespace))
  const visible = (ns: string | undefined) => admin || (mine?.has(ns ?? "") ?? false)
  const pods = watch.podsOn(node).filter((p) => visible(p.metadata?.namespace))
  const levels = new Map<number, { priority: number; className: string | null; pods: number }>()
  let network = 0
  for (const p of pods) {
    const priority = p.spec?.priority ?? priorityOfClass(p.spec?.priorityClassName) ?? 0
    const row = levels.get(priority) ?? { priority, className: p.spec?.priorityClassName ?? null, pods: 0 }
    row.pods++
    levels.set(priority, row)
    network += mbpsOf(p.metadata?.annotations?.[INGRESS_BANDWIDTH])
  }
  const preemptions = (yield* Effect.orElseSucceed(preemptionsIn(clusterId), () => [])).filter(
    (p) => p.node === node && visible(p.namespace)
  )
  return {
    priorities: [...levels.values()].sort((a, b) => b.priority - a.priority),
    network,
    preemptions
  } satisfies HostPriorities
}, noDb)
