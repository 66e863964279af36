/** @module The tenants tRPC procedures (`tenants.*`), thin over the same services as REST. */

import { adminProcedure, authedProcedure, input, router } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import {
  CheckInput,
  CreateQuotaInput,
  HostInput,
  MineQuery,
  PeerInput,
  QuotaIdInput,
  QuotaListQuery,
  SummaryInput,
  TenantInput,
  TenantsQuery,
  UpdateQuotaInput
} from "../shared/schemas"
import { checkQuota } from "./check"
import { allowPeer, forbidPeer, tenantPeers } from "./peers"
import { createQuota, deleteQuota, listQuotaRows, quotaRow, quotaSummary, updateQuota } from "./quotas"
import { listTenants, tenantDetail } from "./tenants"
import { hostPriorities, myQuotas, tenantPreemptions, tenantQuotas } from "./views"

export const tenantsRouter = router({
  mine: authedProcedure.input(input(MineQuery)).query(({ ctx, input }) => ctx.run(myQuotas(input.search))),
  list: authedProcedure
    .input(input(TenantsQuery))
    .query(({ ctx, input }) => ctx.run(listTenants(input.search))),
  get: authedProcedure
    .input(input(TenantInput))
    .query(({ ctx, input }) => ctx.run(tenantDetail(input.tenantId, input.search))),
  quotasOf: authedProcedure
    .input(input(TenantInput))
    .query(({ ctx, input }) => ctx.run(tenantQuotas(input.tenantId))),
  preemptions: authedProcedure
    .input(input(TenantInput))
    .query(({ ctx, input }) => ctx.run(tenantPreemptions(input.tenantId))),
  peers: router({
    list: authedProcedure
      .input(input(TenantInput))
      .query(({ ctx, input }) => ctx.run(tenantPeers(input.tenantId))),
    allow: authedProcedure
      .input(input(PeerInput))
      .mutation(({ ctx, input }) => ctx.run(allowPeer(input.tenantId, input.peer))),
    forbid: authedProcedure
      .input(input(PeerInput))
      .mutation(({ ctx, input }) => ctx.run(forbidPeer(input.tenantId, input.peer)))
  }),
  host: authedProcedure
    .input(input(HostInput))
    .query(({ ctx, input }) => ctx.run(hostPriorities(input.clusterId, input.node))),
  /** The clusters quotas may be placed on (for the admins' quota page). */
  clusters: adminProcedure.query(({ ctx }) =>
    ctx.run(
      Effect.gen(function* () {
        return yield* (yield* KubeClients).clusters
      })
    )
  ),
  quotas: router({
    list: authedProcedure
      .input(input(QuotaListQuery))
      .query(({ ctx, input }) => ctx.run(listQuotaRows(input))),
    get: authedProcedure.input(input(QuotaIdInput)).query(({ ctx, input }) => ctx.run(quotaRow(input.id))),
    summary: adminProcedure
      .input(input(SummaryInput))
      .query(({ ctx, input: { clusterId, ...page } }) => ctx.run(quotaSummary(clusterId, page))),
    create: adminProcedure
      .input(input(CreateQuotaInput))
      .mutation(({ ctx, input }) => ctx.run(createQuota(input))),
    check: authedProcedure
      .input(input(CheckInput))
      .mutation(({ ctx, input }) =>
        ctx.run(checkQuota(input.tenant, input.clusterId, input.priority, input.request))
      ),
    update: authedProcedure
      .input(input(UpdateQuotaInput))
      .mutation(({ ctx, input }) => ctx.run(updateQuota(input))),
    delete: authedProcedure
      .input(input(QuotaIdInput))
      .mutation(({ ctx, input }) => ctx.run(deleteQuota(input.id)))
  })
})

export type TenantsRouter = typeof tenantsRouter
