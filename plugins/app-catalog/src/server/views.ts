/**
 * @module What the control panel and the app page read: instances with their dependencies and
 * dependents, filtered as the seed says (OR within a dimension, AND across, an untouched
 * dimension does not filter), one instance's details, its pods.
 */
import * as k8s from "@kubernetes/client-node"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import { groupInOrder } from "../shared/grouping"
import type {
  Instance,
  InstanceDetail,
  InstanceList,
  InstanceListQuery,
  InstancePod,
  InstancePods,
  InstanceStatus
} from "../shared/instances"
import { INSTANCE_LABEL, roleSettings } from "../shared/render"
import { AppCatalog } from "../shared/service"
import { maySee, seeInstance, usableTenants } from "./access"
import { toYaml } from "./desired"
import { KeptLists } from "./kept"
import { clusterSilent, listOwned } from "./kube"
import { linkUrl } from "./links"
import { podTrouble } from "./status"
import {
  bindingsOf,
  dependentsOf,
  type InstanceFilter,
  type InstanceRow,
  instancesFingerprint,
  selectInstances
} from "./store"

/** Rows as the API answers them, with their bindings both ways (three queries for any number). */
const viewsOf = (rows: ReadonlyArray<InstanceRow>) =>
  Effect.gen(function* () {
    if (rows.length === 0) return []
    const catalog = yield* AppCatalog
    const clusters = yield* (yield* KubeClients).clusters.pipe(Effect.orElseSucceed(() => []))
    const ids = rows.map((r) => r.id)
    const [out, into] = [yield* bindingsOf(ids), yield* dependentsOf(ids)]
    const otherIds = [...new Set([...out.map((b) => b.boundId), ...into.map((b) => b.instanceId)])].filter(
      (id): id is string => id !== null && !ids.includes(id)
    )
    const others = otherIds.length > 0 ? yield* selectInstances({ ids: otherIds }) : []
    const byId = new Map([...rows, ...others].map((r) => [r.id, r]))
    return rows.map(
      (r): Instance => ({
        id: r.id,
        name: r.name,
        app: r.app,
        title: catalog.get(r.app)?.definition.title ?? r.app,
        version: r.version,
        tenant: r.tenantId,
        cluster: r.clusterId,
        clusterName: clusters.find((c) => c.id === r.clusterId)?.name ?? r.clusterId,
        namespace: r.namespace,
        visibility: r.visibility,
        status: r.status,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.waitingFor.length > 0 ? { waitingFor: r.waitingFor } : {}),
        dependencies: out
          .filter((b) => b.instanceId === r.id)
          .map((b) => {
            const bound = b.boundId ? byId.get(b.boundId) : undefined
            return { app: b.app, instance: bound?.name ?? null, status: bound?.status ?? null }
          }),
        dependents: into
          .filter((b) => b.boundId === r.id)
          .flatMap((b) => {
            const d = byId.get(b.instanceId)
            return d ? [{ name: d.name, app: d.app, tenant: d.tenantId }] : []
          }),
        generation: r.generation,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt
      })
    )
  })

export const instanceViews = (filter: InstanceFilter) => Effect.flatMap(selectInstances(filter), viewsOf)

const within = <T>(chosen: ReadonlyArray<T> | undefined, value: T) =>
  chosen === undefined || chosen.length === 0 || chosen.includes(value)

/** What a kept list is made from: the instances, their bindings, and the clusters' names. */
const listFingerprint = Effect.gen(function* () {
  const instances = yield* instancesFingerprint
  const clusters = yield* (yield* KubeClients).clusters.pipe(Effect.orElseSucceed(() => []))
  return `${instances}:${clusters.map((c) => `${c.id}=${c.name}`).join(",")}`
})

/** The control panel: the viewer's tenants' instances (admins: all), filtered; kept while unchanged. */
export const listInstances = (query: InstanceListQuery) =>
  Effect.gen(function* () {
    const tenants = yield* usableTenants
    const key = JSON.stringify([tenants === null ? null : [...tenants].sort(), query])
    return yield* (yield* KeptLists).keptFor(key, listFor(tenants, query), listFingerprint)
  })

const listFor = (tenants: ReadonlySet<string> | null, query: InstanceListQuery) =>
  Effect.gen(function* () {
    const chosen = query.tenant ? [query.tenant] : undefined
    const tenantIds = tenants ? [...tenants].filter((t) => within(chosen, t)) : chosen
    const rows = yield* selectInstances(tenantIds ? { tenantIds } : {})
    const clusters = yield* (yield* KubeClients).clusters.pipe(Effect.orElseSucceed(() => []))
    const clusterName = (id: string) => clusters.find((c) => c.id === id)?.name ?? id
    // People type a cluster's name (the CLI's --cluster default); the console sends ids.
    const wantedClusters = query.cluster?.map((c) => clusters.find((k) => k.name === c)?.id ?? c)
    const q = query.q?.trim().toLowerCase()
    const mine = rows.filter((r) => within(query.app ? [query.app] : undefined, r.app))
    const matching = mine.filter(
      (r) =>
        within(wantedClusters, r.clusterId) &&
        within(query.status, r.status) &&
        within(query.namespace, r.namespace) &&
        (!q || r.name.includes(q) || r.app.includes(q))
    )
    // In the grouping's order, so a page holds whole runs of its groups; only the page's
    // rows are turned into views (their bindings read), not every match.
    const groups = groupInOrder(
      matching.map((row) => ({ ...row, clusterName: clusterName(row.clusterId), row })),
      query.group ?? "cluster"
    )
    const ordered = groups.flatMap((g) => g.items.map((i) => i.row))
    const offset = query.offset ?? 0
    const page =
      query.limit === undefined ? ordered.slice(offset) : ordered.slice(offset, offset + query.limit)
    const clusterIds = [...new Set(mine.map((r) => r.clusterId))]
    return {
      items: yield* viewsOf(page),
      total: ordered.length,
      groups: groups.map((g) => ({ key: g.key, count: g.items.length })),
      facets: {
        cluster: clusterIds.map((id) => ({ id, name: clusterName(id) })),
        status: [...new Set(mine.map((r) => r.status))].sort() as InstanceStatus[],
        namespace: [...new Set(mine.map((r) => r.namespace))].sort()
      }
    } satisfies InstanceList
  })

/** Instances of `app` a tenant may bind as a dependency on a cluster: its own and those visible to all. */
export const usableAsDependency = (tenant: string, cluster: string, app: string) =>
  Effect.gen(function* () {
    const tenants = yield* usableTenants
    const rows = yield* selectInstances({ tenantIds: [tenant], orVisibleToAll: true, clusterId: cluster })
    return yield* viewsOf(
      rows.filter((r) => r.app === app && r.status !== "deleting" && (tenants === null || maySee(tenants, r)))
    )
  })

export const getInstance = (name: string) =>
  Effect.gen(function* () {
    const { row, canChange } = yield* seeInstance(name)
    const [view] = yield* viewsOf([row])
    const entry = (yield* AppCatalog).get(row.app)
    const pods = yield* podsOf(row).pipe(Effect.orElseSucceed(() => ({ pods: [] as InstancePod[] })))
    const definition = entry?.definition
    return {
      ...view!,
      values: row.values,
      roles: (definition?.roles ?? []).map((role) => ({
        name: role.name,
        replicas: roleSettings(role, row.values).replicas,
        ready: pods.pods.filter((p) => p.role === role.name && p.ready).length
      })),
      links: (definition?.links ?? []).map((l) => ({ label: l.label, url: linkUrl(row.name, l) })),
      canChange
    } satisfies InstanceDetail
  })

const podOf = (pod: k8s.V1Pod): InstancePod => {
  const statuses = pod.status?.containerStatuses ?? []
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0)
  const stateOf = (c: k8s.V1ContainerStatus) =>
    c.state?.running
      ? "running"
      : c.state?.waiting
        ? `waiting: ${c.state.waiting.reason ?? ""}`
        : c.state?.terminated
          ? `terminated: ${c.state.terminated.reason ?? ""}`
          : "unknown"
  return {
    name: pod.metadata?.name ?? "",
    role: pod.metadata?.labels?.["app.kubernetes.io/component"] ?? "",
    node: pod.spec?.nodeName ?? null,
    nodeIP: pod.status?.hostIP ?? null,
    podIP: pod.status?.podIP ?? null,
    status:
      podTrouble(pod) ?? (pod.metadata?.deletionTimestamp ? "Terminating" : (pod.status?.phase ?? "Pending")),
    ready: (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"),
    restarts,
    containers: (pod.spec?.containers ?? []).map((c) => {
      const s = statuses.find((x) => x.name === c.name)
      return {
        name: c.name,
        image: c.image ?? "",
        ready: s?.ready ?? false,
        restarts: s?.restartCount ?? 0,
        state: s ? stateOf(s) : "waiting"
      }
    }),
    createdAt: pod.metadata?.creationTimestamp ? new Date(pod.metadata.creationTimestamp).toISOString() : null
  }
}

const podsOf = (row: InstanceRow) =>
  Effect.gen(function* () {
    const core = yield* (yield* KubeClients).api(row.clusterId, k8s.CoreV1Api)
    const list = yield* Effect.tryPromise({
      try: () =>
        core.listNamespacedPod({ namespace: row.namespace, labelSelector: `${INSTANCE_LABEL}=${row.name}` }),
      catch: clusterSilent
    })
    return {
      clusterId: row.clusterId,
      namespace: row.namespace,
      pods: list.items.map(podOf).sort((a, b) => a.name.localeCompare(b.name))
    } satisfies InstancePods
  })

export const instancePods = (name: string) => Effect.flatMap(seeInstance(name), ({ row }) => podsOf(row))

/** The instance's objects as they run, as YAML documents (`wharf apps get NAME -o yaml`). */
export const instanceManifests = (name: string) =>
  Effect.gen(function* () {
    const { row } = yield* seeInstance(name)
    const kc = yield* (yield* KubeClients).config(row.clusterId)
    const owned = yield* Effect.tryPromise({
      try: () => listOwned(kc, row.namespace, row.name),
      catch: clusterSilent
    })
    return { yaml: owned.map((o) => toYaml(o)).join("---\n") }
  })
