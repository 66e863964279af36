/** @module The tenants REST API under /api/v1: tenants, quotas, the quota summary of a cluster. */
import { defineRoutes } from "@wharf/core"
import { Effect } from "effect"
import {
  CheckInput,
  CreateQuotaInput,
  MineQuery,
  QuotaListQuery,
  QuotaValues,
  SummaryQuery,
  TenantsQuery
} from "../shared/schemas"
import { checkQuota } from "./check"
import { allowPeer, forbidPeer, tenantPeers } from "./peers"
import { createQuota, deleteQuota, listQuotaRows, quotaRow, quotaSummary, updateQuota } from "./quotas"
import { listTenants, tenantDetail } from "./tenants"
import { myQuotas, tenantPreemptions, tenantQuotas } from "./views"

export const tenantsRoutes = defineRoutes((r) =>
  r
    .get(
      "/tenants",
      {
        summary: "Tenants the caller may use (admins: all); ?search= by name",
        access: "user",
        query: TenantsQuery
      },
      ({ query }) => Effect.map(listTenants(query.search), (items) => ({ items }))
    )
    .get(
      "/tenants/mine",
      {
        summary: "The caller's quota on each cluster with what is used; ?search= a cluster",
        access: "user",
        query: MineQuery
      },
      ({ query }) => myQuotas(query.search)
    )
    .get(
      "/tenants/:id",
      { summary: "A tenant with its users; ?search= users", access: "user", query: TenantsQuery },
      ({ params, query }) => tenantDetail(params.id!, query.search)
    )
    .get(
      "/tenants/:id/quotas",
      { summary: "A tenant's quotas per cluster, with what is used", access: "user" },
      ({ params }) => Effect.map(tenantQuotas(params.id!), (items) => ({ items }))
    )
    .get(
      "/tenants/:id/preemptions",
      {
        summary: "The tenant's pods preempted by higher-priority ones (from the clusters' events)",
        access: "user"
      },
      ({ params }) => Effect.map(tenantPreemptions(params.id!), (items) => ({ items }))
    )
    .get(
      "/tenants/:id/peers",
      { summary: "The tenants whose pods may reach this tenant's namespace", access: "user" },
      ({ params }) => Effect.map(tenantPeers(params.id!), (items) => ({ items }))
    )
    .put(
      "/tenants/:id/peers/:peer",
      {
        summary:
          "Let another tenant's pods reach this tenant's namespace (admins); the NetworkPolicy follows on every cluster",
        access: "user"
      },
      ({ params }) => allowPeer(params.id!, params.peer!)
    )
    .delete(
      "/tenants/:id/peers/:peer",
      { summary: "Stop another tenant's pods reaching this tenant's namespace (admins)", access: "user" },
      ({ params }) => forbidPeer(params.id!, params.peer!)
    )
    .get(
      "/quotas",
      {
        summary: "Quota priorities the caller may see; ?clusterId=, ?tenant=, ?search=",
        access: "user",
        query: QuotaListQuery
      },
      ({ query }) => Effect.map(listQuotaRows(query), (items) => ({ items }))
    )
    .post(
      "/quotas",
      {
        summary:
          "Create a quota priority for a user (type user, by email) or a group (type leasee, by name); the seed's defaults fill gaps",
        access: "admin",
        body: CreateQuotaInput,
        status: 201
      },
      ({ body }) => createQuota(body)
    )
    .post(
      "/quotas/check",
      {
        summary:
          "Whether a workload fits what a tenant has left on a cluster at a priority (204), or why not (403 with the numbers)",
        access: "user",
        body: CheckInput,
        status: 204
      },
      ({ body }) => checkQuota(body.tenant, body.clusterId, body.priority, body.request)
    )
    .get(
      "/quotas/summary/:clusterId",
      {
        summary:
          "A cluster's quotas: the sum of every priority of every tenant beside the cluster's capacity, and a page of tenants with their priorities; ?search=, ?limit= (20), ?offset=",
        access: "admin",
        query: SummaryQuery
      },
      ({ params, query }) => quotaSummary(params.clusterId!, query)
    )
    .get("/quotas/:id", { summary: "One quota priority", access: "user" }, ({ params }) =>
      quotaRow(params.id!)
    )
    .patch(
      "/quotas/:id",
      { summary: "Change any value of a quota priority (admins)", access: "user", body: QuotaValues },
      ({ params, body }) => updateQuota({ ...body, id: params.id! })
    )
    .delete("/quotas/:id", { summary: "Delete a quota priority (admins)", access: "user" }, ({ params }) =>
      deleteQuota(params.id!)
    )
)
