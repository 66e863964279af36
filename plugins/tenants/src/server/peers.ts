/**
 * @module Which other tenants may reach a tenant's namespace. Each tenant's NetworkPolicy
 * lets in only its own namespace and the platform's; an admin may let another tenant in
 * (e.g. a shared database served to a partner team). The reconciler puts the change into
 * the policy on every cluster where the tenant holds quota, right after it commits.
 */
import { Invalid, requireRole } from "@wharf/core"
import { Effect } from "effect"
import type { TenantRef } from "../shared/types"
import { Reconciler } from "./reconciler"
import { sayer } from "./say"
import { addPeer, clustersOfTenant, peersOf, removePeer, tenantById } from "./store"
import { visibleTenant } from "./tenants"
import { noDb } from "./unavailable"

/** The tenants allowed to reach `tenantId` (anyone who may see the tenant may see this). */
export const tenantPeers = Effect.fn("Tenants.peers")(function* (tenantId: string) {
  const found = yield* visibleTenant(tenantId)
  const ids = (yield* peersOf([found.ref.id])).get(found.ref.id) ?? []
  const refs = yield* Effect.forEach(ids, (id) => tenantById(id))
  return refs.flatMap((r) => (r ? [r.ref] : [])) as ReadonlyArray<TenantRef>
}, noDb)

const bothOf = Effect.fn("Tenants.peerPair")(function* (tenantId: string, peerId: string) {
  // Another's tenant is not found, whatever the role asked for; then only admins go on.
  const tenant = yield* visibleTenant(tenantId)
  yield* requireRole("admin")
  const say = yield* sayer
  const peer = yield* tenantById(peerId.trim())
  if (!peer)
    return yield* new Invalid({
      message: say(`没有租客 ${peerId}`, `no tenant ${peerId}`),
      issues: [{ path: "peer", message: say(`没有租客 ${peerId}`, `no tenant ${peerId}`) }]
    })
  if (peer.ref.id === tenant.ref.id)
    return yield* new Invalid({
      message: say("租客总能访问自己的命名空间", "a tenant always reaches its own namespace"),
      issues: [
        {
          path: "peer",
          message: say("租客总能访问自己的命名空间", "a tenant always reaches its own namespace")
        }
      ]
    })
  return { tenant: tenant.ref, peer: peer.ref }
})

const reconcileTenant = Effect.fn("Tenants.reconcilePeers")(function* (tenantId: string) {
  const reconciler = yield* Reconciler
  for (const clusterId of yield* clustersOfTenant(tenantId)) yield* reconciler.trigger(clusterId, tenantId)
})

/** Let `peerId`'s pods reach `tenantId`'s (admins). */
export const allowPeer = Effect.fn("Tenants.allowPeer")(function* (tenantId: string, peerId: string) {
  const { tenant, peer } = yield* bothOf(tenantId, peerId)
  if (yield* addPeer(tenant.id, peer.id)) yield* reconcileTenant(tenant.id)
  return { tenant: tenant.id, peer: peer.id, allowed: true }
}, noDb)

/** Take back what `allowPeer` gave (admins). */
export const forbidPeer = Effect.fn("Tenants.forbidPeer")(function* (tenantId: string, peerId: string) {
  const { tenant, peer } = yield* bothOf(tenantId, peerId)
  if (yield* removePeer(tenant.id, peer.id)) yield* reconcileTenant(tenant.id)
  return { tenant: tenant.id, peer: peer.id, allowed: false }
}, noDb)
