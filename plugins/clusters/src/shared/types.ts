/** @module Shapes the clusters API answers with, shared by the server and the console. */

export type OwnerKind = "platform" | "user" | "group"

export interface ClusterOwner {
  readonly kind: OwnerKind
  /** User or group id; null for the platform (the simulated default cluster). */
  readonly id: string | null
  /** The user's email or the group's name, as shown to people. */
  readonly name: string
}

export interface ClusterSummary {
  readonly id: string
  readonly name: string
  readonly server: string
  /** A kube-sim cluster started by Wharf itself (the demo default). */
  readonly simulated: boolean
  readonly owner: ClusterOwner
  /** "default", or the `address:port` of the cluster's own registry. */
  readonly registry: string
  readonly version: string | null
  readonly nodeCount: number | null
  readonly status: "connected" | "unreachable"
  /** Why the cluster is unreachable, in words. */
  readonly statusMessage: string | null
  readonly createdAt: string
}

/** A resource on a host: what it can give, what pods asked for, what they use now. */
export interface Resource {
  readonly allocatable: number
  readonly requested: number
  /** From metrics.k8s.io; null when the cluster has no metrics for it. */
  readonly usage: number | null
}

export interface HostSummary {
  readonly name: string
  readonly status: "Ready" | "NotReady" | "Unknown"
  readonly roles: ReadonlyArray<string>
  readonly address: string | null
  readonly labels: Readonly<Record<string, string>>
  readonly unschedulable: boolean
  readonly kubeletVersion: string | null
  readonly osImage: string | null
  /** Millicores. */
  readonly cpu: Resource
  /** Bytes. */
  readonly memory: Resource
  /** Ephemeral storage, bytes; usage from the kubelet's Summary API (null where it does not answer). */
  readonly storage: Resource
  /** Network throughput now, bit/s received and sent; null where no metrics carry it. */
  readonly network: { readonly rx: number; readonly tx: number } | null
  /** Pods: allocatable is the pod limit, requested and usage are the running count. */
  readonly pods: Resource
  readonly createdAt: string | null
}

export interface LabelChoice {
  readonly key: string
  readonly values: ReadonlyArray<string>
}

export interface HostsOverview {
  readonly cluster: ClusterSummary
  readonly hosts: ReadonlyArray<HostSummary>
  /** Every label key in the cluster with the values hosts carry, for filters and pickers. */
  readonly labels: ReadonlyArray<LabelChoice>
  /** Hosts in the cluster before the label filter. */
  readonly total: number
  readonly metrics: boolean
}

export interface ContainerRow {
  readonly name: string
  readonly image: string
  readonly ready: boolean
  readonly state: string
  /** Millicores, from metrics.k8s.io. */
  readonly cpu: number | null
  /** Bytes, from metrics.k8s.io. */
  readonly memory: number | null
}

export interface PodRow {
  readonly name: string
  readonly namespace: string
  /** Phase, or the reason a container is waiting (CrashLoopBackOff, ContainerCreating). */
  readonly status: string
  readonly ip: string | null
  readonly containers: ReadonlyArray<ContainerRow>
  readonly createdAt: string | null
}

export interface HostDetail {
  readonly cluster: ClusterSummary
  readonly host: HostSummary
  readonly taints: ReadonlyArray<{ key: string; value: string | null; effect: string }>
  readonly pods: ReadonlyArray<PodRow>
  readonly labelChoices: ReadonlyArray<LabelChoice>
}

/** What the live stream says: these hosts (or all of them) changed; fetch again. */
export interface HostsChanged {
  readonly nodes: ReadonlyArray<string>
  readonly all: boolean
}
