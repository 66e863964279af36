/**
 * @module The services the tenants plugin offers others (implemented by its layer):
 * `Tenants` — which tenants a viewer may use and their namespaces; `Quotas` — whether a
 * workload fits what a tenant has left on a cluster at a priority.
 */
import type { Forbidden, NotFound, Unavailable, Viewer } from "@wharf/core"
import { Context, type Effect } from "effect"
import type { ClusterQuota, Resources, TenantRef } from "./types"

export interface TenantsShape {
  /** The tenants `viewer` may use: their own and their groups' (created on first use). */
  readonly usableBy: (viewer: Viewer) => Effect.Effect<ReadonlyArray<TenantRef>, Unavailable>
  /** A tenant the current viewer may use (admins: any); another's is `NotFound`. */
  readonly get: (tenantId: string) => Effect.Effect<TenantRef, NotFound | Unavailable>
  /** The namespace of a tenant on every cluster (its id). */
  readonly namespaceOf: (tenantId: string) => string
}

export class Tenants extends Context.Service<Tenants, TenantsShape>()("wharf/tenants/Tenants") {}

/** What a workload asks for: cpu in cores, memory and storage in MiB, network in Mbit/s. */
export type QuotaRequest = Resources

export interface QuotasShape {
  /**
   * Succeeds when `request` fits what `tenant` has left on `clusterId` at `priority`.
   * Fails with `Forbidden` whose message (in the viewer's language) says whom to ask when
   * the tenant holds no quota there, or the numbers when it does not fit ("需要 6 核 CPU，
   * 优先级 0 剩余 4 核"); `NotFound` for a tenant the viewer may not use or an unknown cluster.
   */
  readonly check: (
    tenant: string,
    clusterId: string,
    priority: number,
    request: QuotaRequest
  ) => Effect.Effect<void, Forbidden | NotFound | Unavailable>
  /** A tenant's quota on a cluster with what is used, priority by priority. */
  readonly usage: (tenant: string, clusterId: string) => Effect.Effect<ClusterQuota, NotFound | Unavailable>
}

export class Quotas extends Context.Service<Quotas, QuotasShape>()("wharf/tenants/Quotas") {}
