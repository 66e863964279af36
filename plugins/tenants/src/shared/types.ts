/** @module Shapes the tenants API answers with, shared by the server, the console and other plugins. */

export type TenantKind = "user" | "group"

/** What a tenant may hold on a cluster at one priority (or what it uses of it). */
export interface Resources {
  /** Cores (fractions allowed: 0.5 is 500m). */
  readonly cpu: number
  /** MiB. */
  readonly memory: number
  /** MiB (PersistentVolumeClaims' `requests.storage`). */
  readonly storage: number
  /** Mbit/s: the sum of the bandwidth annotations of the tenant's pods. */
  readonly network: number
}

export const RESOURCE_KINDS = ["cpu", "memory", "storage", "network"] as const
export type ResourceKind = (typeof RESOURCE_KINDS)[number]

/** A tenant: `u-<slug>` (a user's own) or `g-<slug>` (a group's); also its namespace's name. */
export interface TenantRef {
  readonly id: string
  readonly kind: TenantKind
  /** The user's email or the group's name. */
  readonly name: string
  /** The namespace Wharf keeps for it on every cluster where it holds quota. */
  readonly namespace: string
}

export interface TenantSummary extends TenantRef {
  /** The user's email, or the first admin of the group. */
  readonly adminEmail: string | null
  readonly userCount: number
  readonly description: string
}

export interface TenantUser {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly role: "member" | "admin"
}

export interface QuotaRow extends Resources {
  readonly id: string
  readonly tenant: TenantRef
  readonly clusterId: string
  readonly clusterName: string
  readonly priority: number
  readonly updatedAt: string
}

/** One priority of a quota with what the cluster reports used (null when not known yet). */
export interface PriorityUsage {
  readonly quotaId: string
  readonly priority: number
  readonly hard: Resources
  readonly used: Resources | null
}

export interface ClusterQuota {
  readonly clusterId: string
  readonly clusterName: string
  readonly tenant: TenantRef
  readonly priorities: ReadonlyArray<PriorityUsage>
  /** Why `used` is missing, when the cluster did not answer. */
  readonly problem: string | null
}

export interface QuotaSummary {
  readonly clusterId: string
  readonly clusterName: string
  /** The priorities of this page's tenants, tenant by tenant. */
  readonly rows: ReadonlyArray<QuotaRow>
  /** How many tenants match the search (every page's tenants). */
  readonly tenants: number
  /** How many priorities the cluster has, of every tenant. */
  readonly priorities: number
  /** The sum of every priority of every tenant. */
  readonly total: Resources
  /** What the cluster's hosts can give (network: null, Kubernetes does not say). */
  readonly capacity: { readonly cpu: number; readonly memory: number; readonly storage: number } | null
  /** Resources where quotas promise more than the hosts have. */
  readonly overcommitted: ReadonlyArray<ResourceKind>
}

/** A pod evicted to make room for a higher-priority one (a `Preempted` event). */
export interface Preemption {
  readonly namespace: string
  readonly pod: string
  readonly node: string | null
  /** The pod that took its place, as `namespace/name` when it is still known. */
  readonly by: string
  readonly byPriority: number | null
  readonly at: string
}

/** Pods on a host by priority, for the host page. */
export interface HostPriorities {
  readonly priorities: ReadonlyArray<{
    readonly priority: number
    readonly className: string | null
    readonly pods: number
  }>
  /** Bandwidth the host's pods are given (Mbit/s, from their annotations). */
  readonly network: number
  readonly preemptions: ReadonlyArray<Preemption>
}
