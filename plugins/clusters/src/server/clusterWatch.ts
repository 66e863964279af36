/**
 * @module A live, in-memory view of one cluster's nodes and pods: two client-node
 * informers (list once, then watch) and, kept up to date from their events, what pods
 * request on each node. The hosts overview reads this instead of listing pods per node,
 * and the console's live stream is fed from its events.
 */
import * as k8s from "@kubernetes/client-node"
import { Option, Schema } from "effect"
import { millicores, quantity } from "../shared/quantity"
import type { HostsChanged } from "../shared/types"

export interface NodeRequests {
  cpu: number
  memory: number
  storage: number
  pods: number
  readonly keys: Set<string>
}

interface PodShare {
  readonly node: string
  readonly cpu: number
  readonly memory: number
  readonly storage: number
}

type Requests = Record<string, string> | undefined

const sumRequests = (containers: ReadonlyArray<{ resources?: { requests?: Requests } }> | undefined) => {
  const total = { cpu: 0, memory: 0, storage: 0 }
  for (const c of containers ?? []) {
    const r = c.resources?.requests
    total.cpu += millicores(r?.cpu)
    total.memory += quantity(r?.memory)
    total.storage += quantity(r?.["ephemeral-storage"])
  }
  return total
}

/** What a pod holds on its node, as the scheduler counts it: the larger of its containers' sum and its biggest init container, plus overhead. */
const podShare = (pod: k8s.V1Pod): PodShare | undefined => {
  const node = pod.spec?.nodeName
  const phase = pod.status?.phase
  if (!node || phase === "Succeeded" || phase === "Failed") return undefined
  const main = sumRequests(pod.spec?.containers as never)
  const overhead = pod.spec?.overhead ?? {}
  let cpu = main.cpu + millicores(overhead.cpu)
  let memory = main.memory + quantity(overhead.memory)
  let storage = main.storage
  for (const init of pod.spec?.initContainers ?? []) {
    const r = sumRequests([init as never])
    cpu = Math.max(cpu, r.cpu)
    memory = Math.max(memory, r.memory)
    storage = Math.max(storage, r.storage)
  }
  return { node, cpu, memory, storage }
}

const keyOf = (o: k8s.KubernetesObject) => `${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`

/** How long nodes' metrics and stats are shared between readers (`WHARF_NODE_METRICS_SECONDS`). */
export const NODE_METRICS_SECONDS = 10
export interface Usage {
  readonly cpu: number
  readonly memory: number
  /**
   * Bit/s received and sent, where the node metrics carry them (kube-sim's
   * `kube-sim.io/{ingress,egress}-rate`, which observe's collector charts); else null.
   */
  readonly network: NetworkRate | null
}
export interface NetworkRate {
  readonly rx: number
  readonly tx: number
}

/** A node's root filesystem and network as its kubelet's Summary API reports them. */
export interface NodeStats {
  readonly fsUsed: number
  readonly fsCapacity: number | null
  /** Bit/s from the network counters' change since the previous read; null on the first. */
  readonly network: NetworkRate | null
}

/** The part of the kubelet's `stats/summary` Wharf reads, decoded at the edge. */
const Summary = Schema.Struct({
  node: Schema.Struct({
    fs: Schema.optional(
      Schema.Struct({ usedBytes: Schema.Number, capacityBytes: Schema.optional(Schema.Number) })
    ),
    network: Schema.optional(
      Schema.Struct({ rxBytes: Schema.optional(Schema.Number), txBytes: Schema.optional(Schema.Number) })
    )
  })
})
const decodeSummary = Schema.decodeUnknownOption(Summary)

const rateAnnotation = (a: Record<string, string> | undefined, key: string) => {
  const v = Number(a?.[`kube-sim.io/${key}`])
  return a?.[`kube-sim.io/${key}`] !== undefined && Number.isFinite(v) && v >= 0 ? v : null
}

export class ClusterWatch {
  readonly nodes: k8s.ListWatch<k8s.V1Node>
  readonly pods: k8s.ListWatch<k8s.V1Pod>
  readonly ready: Promise<void>
  private readonly shares = new Map<string, PodShare>()
  private readonly perNode = new Map<string, NodeRequests>()
  private readonly listeners = new Set<(change: HostsChanged) => void>()
  private readonly stopListeners = new Set<() => void>()
  private stopped = false
  private usage: { at: number; value: Promise<Map<string, Usage> | null> } | undefined
  private readonly stats = new Map<string, { at: number; value: Promise<NodeStats | null> }>()
  private readonly counters = new Map<string, { at: number; rx: number; tx: number }>()

  constructor(
    private readonly kc: k8s.KubeConfig,
    private readonly metricsTtlMs = NODE_METRICS_SECONDS * 1000
  ) {
    const watch = new k8s.Watch(kc)
    const core = kc.makeApiClient(k8s.CoreV1Api)
    this.nodes = new k8s.ListWatch("/api/v1/nodes", watch, () => core.listNode(), false)
    this.pods = new k8s.ListWatch("/api/v1/pods", watch, () => core.listPodForAllNamespaces(), false)
    this.nodes.on("change", (n) => this.emit({ nodes: [n.metadata?.name ?? ""], all: false }))
    this.pods.on("add", (p) => this.track(p))
    this.pods.on("update", (p) => this.track(p))
    this.pods.on("delete", (p) => this.untrack(keyOf(p)))
    this.ready = Promise.all([this.startOne(this.nodes), this.startOne(this.pods)]).then(() => {
      for (const informer of [this.nodes, this.pods] as const) {
        // An informer stops on an error other than 410 Gone; start it again after a pause.
        informer.on("error", () => {
          if (!this.stopped) setTimeout(() => !this.stopped && void informer.start().catch(() => {}), 2000)
        })
      }
    })
    this.ready.catch(() => this.stop())
  }

  private async startOne(informer: k8s.ListWatch<k8s.KubernetesObject>) {
    let failure: unknown
    const onError = (e: unknown) => {
      failure ??= e
    }
    informer.on("error", onError)
    await informer.start()
    informer.off("error", onError)
    if (failure) throw failure
  }

  private track(pod: k8s.V1Pod) {
    const key = keyOf(pod)
    const before = this.shares.get(key)
    const after = podShare(pod)
    if (before) this.remove(key, before)
    if (after) {
      this.shares.set(key, after)
      const n = this.perNode.get(after.node) ?? {
        cpu: 0,
        memory: 0,
        storage: 0,
        pods: 0,
        keys: new Set<string>()
      }
      this.perNode.set(after.node, n)
      n.cpu += after.cpu
      n.memory += after.memory
      n.storage += after.storage
      n.pods += 1
      n.keys.add(key)
    }
    const nodes = [
      ...new Set([before?.node, after?.node, pod.spec?.nodeName].filter((x): x is string => !!x))
    ]
    if (nodes.length > 0) this.emit({ nodes, all: false })
  }

  private untrack(key: string) {
    const before = this.shares.get(key)
    if (!before) return
    this.remove(key, before)
    this.emit({ nodes: [before.node], all: false })
  }

  private remove(key: string, share: PodShare) {
    this.shares.delete(key)
    const n = this.perNode.get(share.node)
    if (!n) return
    n.cpu -= share.cpu
    n.memory -= share.memory
    n.storage -= share.storage
    n.pods -= 1
    n.keys.delete(key)
  }

  private emit(change: HostsChanged) {
    for (const l of this.listeners) l(change)
  }

  /** Calls `listener` for every change of a node or of a pod on a node; returns the unsubscribe. */
  subscribe(listener: (change: HostsChanged) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Calls `listener` once when this cache stops (the cluster changed, or the server stops). */
  onStop(listener: () => void): () => void {
    this.stopListeners.add(listener)
    return () => this.stopListeners.delete(listener)
  }

  requestsOn(node: string): NodeRequests | undefined {
    return this.perNode.get(node)
  }

  /** The pods holding resources on `node` (running or starting), from the cache. */
  podsOn(node: string): k8s.V1Pod[] {
    const keys = this.perNode.get(node)?.keys ?? new Set<string>()
    const out: k8s.V1Pod[] = []
    for (const key of keys) {
      const slash = key.indexOf("/")
      const pod = this.pods.get(key.slice(slash + 1), key.slice(0, slash))
      if (pod) out.push(pod)
    }
    return out
  }

  /**
   * Node usage from metrics.k8s.io, one list call shared for a few seconds; null without
   * metrics. Once known, a stale value is answered while a fresh one is fetched, so no
   * request waits for the metrics call.
   */
  nodeUsage(): Promise<Map<string, Usage> | null> {
    const now = Date.now()
    if (this.usage && now - this.usage.at < this.metricsTtlMs) return this.usage.value
    const previous = this.usage
    const value = this.kc
      .makeApiClient(k8s.CustomObjectsApi)
      .listClusterCustomObject({ group: "metrics.k8s.io", version: "v1beta1", plural: "nodes" })
      .then(
        (list: {
          items?: Array<{
            metadata?: { name?: string; annotations?: Record<string, string> }
            usage?: Record<string, string>
          }>
        }) => {
          const map = new Map<string, Usage>()
          for (const item of list.items ?? []) {
            const rx = rateAnnotation(item.metadata?.annotations, "ingress-rate")
            const tx = rateAnnotation(item.metadata?.annotations, "egress-rate")
            map.set(item.metadata?.name ?? "", {
              cpu: millicores(item.usage?.cpu),
              memory: quantity(item.usage?.memory),
              network: rx !== null && tx !== null ? { rx, tx } : null
            })
          }
          return map
        }
      )
      .catch(() => null)
    this.usage = { at: now, value }
    if (!previous) return value
    // Keep the old value until the new one is there.
    this.usage = { at: now, value: previous.value }
    void value.then((fresh) => {
      this.usage = { at: Date.now(), value: Promise.resolve(fresh) }
    })
    return previous.value
  }

  /**
   * A node's filesystem use and network from its kubelet's Summary API (through the API
   * server's node proxy), shared for a few seconds; null when the kubelet does not answer.
   */
  nodeStats(name: string): Promise<NodeStats | null> {
    const now = Date.now()
    const cached = this.stats.get(name)
    if (cached && now - cached.at < this.metricsTtlMs) return cached.value
    const value = this.kc
      .makeApiClient(k8s.CoreV1Api)
      .connectGetNodeProxyWithPath({ name, path: "stats/summary" })
      .then((body: unknown) => {
        const decoded = decodeSummary(typeof body === "string" ? JSON.parse(body) : body)
        if (Option.isNone(decoded)) return null
        const { fs, network } = decoded.value.node
        const at = Date.now()
        let rate: NetworkRate | null = null
        if (network?.rxBytes !== undefined && network.txBytes !== undefined) {
          const before = this.counters.get(name)
          const seconds = before ? (at - before.at) / 1000 : 0
          if (before && seconds >= 1 && network.rxBytes >= before.rx && network.txBytes >= before.tx)
            rate = {
              rx: (8 * (network.rxBytes - before.rx)) / seconds,
              tx: (8 * (network.txBytes - before.tx)) / seconds
            }
          this.counters.set(name, { at, rx: network.rxBytes, tx: network.txBytes })
        }
        if (!fs) return null
        return { fsUsed: fs.usedBytes, fsCapacity: fs.capacityBytes ?? null, network: rate }
      })
      .catch(() => null)
    this.stats.set(name, { at: now, value })
    return value
  }

  stop() {
    if (this.stopped) return
    this.stopped = true
    this.listeners.clear()
    for (const l of this.stopListeners) l()
    this.stopListeners.clear()
    void this.nodes.stop()
    void this.pods.stop()
  }
}
