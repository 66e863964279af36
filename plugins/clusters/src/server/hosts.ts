/**
 * @module Hosts (Kubernetes nodes) of a cluster: the overview with what each host can give,
 * what its pods request and what they use; one host with its pods; and label changes.
 * Everything is read from the cluster's `ClusterWatch` cache, so a refresh costs no list
 * call per node (only one metrics call, shared for a few seconds).
 */
import * as k8s from "@kubernetes/client-node"
import { Invalid, NotFound, requireRole, Unavailable } from "@wharf/core"
import { Effect } from "effect"
import { carriesAll, type LabelPair, parseLabelFilter } from "../shared/labels"
import { millicores, quantity } from "../shared/quantity"
import type { LabelChange } from "../shared/schemas"
import type { ContainerRow, HostSummary, LabelChoice, PodRow } from "../shared/types"
import { summaryOf, visibleCluster } from "./clusters"
import type { ClusterWatch, NodeStats, Usage } from "./clusterWatch"
import { explainFailure } from "./connection"
import { KubeClients } from "./kubeClients"

const ROLE_PREFIX = "node-role.kubernetes.io/"
/** The most hosts an overview reads storage use for, one kubelet call each. */
const STATS_HOSTS = 100

export const hostOf = (
  node: k8s.V1Node,
  watch: ClusterWatch,
  usage: Map<string, Usage> | null,
  stats: NodeStats | null = null
): HostSummary => {
  const name = node.metadata?.name ?? ""
  const labels = node.metadata?.labels ?? {}
  const ready = node.status?.conditions?.find((c) => c.type === "Ready")
  const alloc = node.status?.allocatable ?? {}
  const req = watch.requestsOn(name)
  const use = usage?.get(name)
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith(ROLE_PREFIX))
    .map((k) => k.slice(ROLE_PREFIX.length))
  const addresses = node.status?.addresses ?? []
  return {
    name,
    status: ready?.status === "True" ? "Ready" : ready ? "NotReady" : "Unknown",
    roles: roles.length > 0 ? roles : ["worker"],
    address: (addresses.find((a) => a.type === "InternalIP") ?? addresses[0])?.address ?? null,
    labels,
    unschedulable: node.spec?.unschedulable === true,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
    osImage: node.status?.nodeInfo?.osImage ?? null,
    cpu: { allocatable: millicores(alloc.cpu), requested: req?.cpu ?? 0, usage: use?.cpu ?? null },
    memory: { allocatable: quantity(alloc.memory), requested: req?.memory ?? 0, usage: use?.memory ?? null },
    storage: {
      allocatable: quantity(alloc["ephemeral-storage"]),
      requested: req?.storage ?? 0,
      usage: stats?.fsUsed ?? null
    },
    network: use?.network ?? stats?.network ?? null,
    pods: { allocatable: quantity(alloc.pods), requested: req?.pods ?? 0, usage: req?.pods ?? 0 },
    createdAt: node.metadata?.creationTimestamp
      ? new Date(node.metadata.creationTimestamp).toISOString()
      : null
  }
}

const labelChoices = (nodes: ReadonlyArray<k8s.V1Node>): LabelChoice[] => {
  const byKey = new Map<string, Set<string>>()
  for (const n of nodes)
    for (const [k, v] of Object.entries(n.metadata?.labels ?? {})) {
      const values = byKey.get(k) ?? new Set<string>()
      byKey.set(k, values.add(v))
    }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, values]) => ({ key, values: [...values].sort().slice(0, 100) }))
}

const byName = (a: k8s.V1Node, b: k8s.V1Node) =>
  (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? "", undefined, { numeric: true })

/** The cluster's hosts carrying every label of `filter` (`a=b,c=d`). */
export const hostsOverview = Effect.fn("Hosts.overview")(function* (clusterId: string, filter?: string) {
  const row = yield* visibleCluster(clusterId)
  const watch = yield* (yield* KubeClients).watch(clusterId)
  const pairs: LabelPair[] = filter ? parseLabelFilter(filter).pairs : []
  const nodes = watch.nodes.list()
  const usage = yield* Effect.promise(() => watch.nodeUsage())
  const shown = nodes.filter((n) => carriesAll(n.metadata?.labels ?? {}, pairs)).sort(byName)
  // Storage use is per node (the kubelet's Summary API): read for a page of hosts, not for thousands.
  const stats = yield* Effect.forEach(
    shown,
    (n) =>
      shown.length <= STATS_HOSTS
        ? Effect.promise(() => watch.nodeStats(n.metadata?.name ?? ""))
        : Effect.succeed(null),
    { concurrency: 16 }
  )
  const hosts = shown.map((n, i) => hostOf(n, watch, usage, stats[i]))
  return {
    cluster: summaryOf(row),
    hosts,
    labels: labelChoices(nodes),
    total: nodes.length,
    metrics: usage !== null
  }
})

interface PodMetrics {
  metadata?: { name?: string; namespace?: string }
  containers?: Array<{ name: string; usage?: Record<string, string> }>
}

const podStatus = (pod: k8s.V1Pod): string => {
  if (pod.metadata?.deletionTimestamp) return "Terminating"
  for (const c of pod.status?.containerStatuses ?? []) {
    const waiting = c.state?.waiting?.reason
    if (waiting) return waiting
  }
  return pod.status?.phase ?? "Unknown"
}

const containerState = (s: k8s.V1ContainerStatus | undefined) =>
  s?.state?.running
    ? "running"
    : s?.state?.waiting
      ? (s.state.waiting.reason ?? "waiting")
      : s?.state?.terminated
        ? "terminated"
        : "waiting"

export const hostDetail = Effect.fn("Hosts.detail")(function* (clusterId: string, name: string) {
  const row = yield* visibleCluster(clusterId)
  const clients = yield* KubeClients
  const watch = yield* clients.watch(clusterId)
  const node = watch.nodes.get(name)
  if (!node) return yield* new NotFound({ message: `Cluster ${row.name} has no host named ${name}` })
  const [usage, stats] = yield* Effect.promise(() => Promise.all([watch.nodeUsage(), watch.nodeStats(name)]))
  const pods = watch
    .podsOn(name)
    .sort((a, b) => (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""))
  // Pod metrics: one list per namespace when this host holds a good share of its pods,
  // else one get per pod (a namespace of 20,000 pods must not be listed for 40 of them).
  const custom = yield* clients.api(clusterId, k8s.CustomObjectsApi)
  const byNamespace = new Map<string, string[]>()
  for (const p of pods) {
    const ns = p.metadata?.namespace ?? "default"
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), p.metadata?.name ?? ""])
  }
  const metrics = new Map<string, PodMetrics>()
  const keep = (m: PodMetrics): void => {
    metrics.set(`${m.metadata?.namespace}/${m.metadata?.name}`, m)
  }
  const group = { group: "metrics.k8s.io", version: "v1beta1", plural: "pods" }
  const calls = [...byNamespace.entries()].flatMap(
    ([namespace, names]): Array<() => Promise<void>> =>
      watch.pods.list(namespace).length <= 4 * names.length
        ? [
            () =>
              custom
                .listNamespacedCustomObject({ ...group, namespace })
                .then((l: { items?: PodMetrics[] }) => l.items?.forEach(keep))
          ]
        : names.map(
            (name) => () => custom.getNamespacedCustomObject({ ...group, namespace, name }).then(keep)
          )
  )
  yield* Effect.forEach(calls, (call) => Effect.promise(() => call().catch(() => undefined)), {
    concurrency: 16
  })
  const rows: PodRow[] = pods.map((pod) => {
    const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`
    const m = metrics.get(key)
    const containers: ContainerRow[] = (pod.spec?.containers ?? []).map((c) => {
      const status = pod.status?.containerStatuses?.find((s) => s.name === c.name)
      const use = m?.containers?.find((x) => x.name === c.name)?.usage
      return {
        name: c.name,
        image: c.image ?? "",
        ready: status?.ready === true,
        state: containerState(status),
        cpu: use ? millicores(use.cpu) : null,
        memory: use ? quantity(use.memory) : null
      }
    })
    return {
      name: pod.metadata?.name ?? "",
      namespace: pod.metadata?.namespace ?? "",
      status: podStatus(pod),
      ip: pod.status?.podIP ?? null,
      containers,
      createdAt: pod.metadata?.creationTimestamp
        ? new Date(pod.metadata.creationTimestamp).toISOString()
        : null
    }
  })
  return {
    cluster: summaryOf(row),
    host: hostOf(node, watch, usage, stats),
    taints: (node.spec?.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? null, effect: t.effect })),
    pods: rows,
    labelChoices: labelChoices(watch.nodes.list())
  }
})

/** Add, change and remove labels of a host with one JSON merge patch on metadata.labels. */
export const patchHostLabels = Effect.fn("Hosts.patchLabels")(function* (
  clusterId: string,
  name: string,
  change: LabelChange
) {
  yield* requireRole("admin")
  const row = yield* visibleCluster(clusterId)
  const set = change.set ?? {}
  const remove = change.remove ?? []
  const both = remove.filter((k) => k in set)
  if (both.length > 0)
    return yield* new Invalid({
      message: `remove: ${both.join(", ")} is also being set; do one or the other`,
      issues: [{ path: "remove", message: `${both.join(", ")} is also being set` }]
    })
  if (Object.keys(set).length === 0 && remove.length === 0)
    return yield* new Invalid({
      message: "Give labels to set or to remove",
      issues: [{ path: "set", message: "nothing to change" }]
    })
  const core = yield* (yield* KubeClients).api(clusterId, k8s.CoreV1Api)
  const labels: Record<string, string | null> = { ...set }
  for (const key of remove) labels[key] = null
  const node = yield* Effect.tryPromise({
    try: () =>
      core.patchNode(
        { name, body: { metadata: { labels } } },
        k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch)
      ),
    catch: (e) =>
      e instanceof k8s.ApiException && e.code === 404
        ? new NotFound({ message: `Cluster ${row.name} has no host named ${name}` })
        : e instanceof k8s.ApiException && (e.code === 422 || e.code === 400)
          ? new Invalid({
              message: `The cluster refused the labels: ${String(e.body ?? e.message).slice(0, 300)}`
            })
          : new Unavailable({ message: explainFailure(e, row.server) })
  })
  return { name, labels: node.metadata?.labels ?? {} }
})
