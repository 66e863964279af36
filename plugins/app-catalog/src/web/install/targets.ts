/**
 * @module Where the wizard may install: the tenants the user may use, and for each the clusters
 * where it holds quota (a tenant without quota on a cluster cannot run anything there). Read
 * from the tenants plugin's REST answer, so this plugin needs none of its code.
 */
import { fetchJson } from "@wharf/core/web"

interface TenantRef {
  readonly id: string
  readonly kind: "user" | "group"
  readonly name: string
  readonly namespace: string
}

interface MyQuotas {
  readonly tenants: ReadonlyArray<TenantRef>
  readonly quotas: ReadonlyArray<{
    readonly clusterId: string
    readonly clusterName: string
    readonly tenant: TenantRef
    readonly priorities: ReadonlyArray<{ readonly priority: number }>
  }>
}

export interface TargetTenant extends TenantRef {
  readonly clusters: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly priorities: number[]
  }>
}

/** Tenants first with quota, then those without (shown, but they cannot be picked). */
export const loadTargets = async (): Promise<TargetTenant[]> => {
  const mine = await fetchJson<MyQuotas>("/api/v1/tenants/mine")
  return mine.tenants
    .map((tenant) => ({
      ...tenant,
      clusters: mine.quotas
        .filter((q) => q.tenant.id === tenant.id && q.priorities.length > 0)
        .map((q) => ({
          id: q.clusterId,
          name: q.clusterName,
          priorities: q.priorities.map((p) => p.priority)
        }))
    }))
    .sort((a, b) => Number(b.clusters.length > 0) - Number(a.clusters.length > 0))
}

/** "user/docker@transwarp.io" as the seed shows a tenant, with its namespace. */
export const tenantLabel = (t: TenantRef) =>
  `${t.kind === "user" ? "user" : "group"}/${t.name} (${t.namespace})`
