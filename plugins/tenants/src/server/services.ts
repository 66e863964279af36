/**
 * @module The layer behind `Tenants` and `Quotas` (from `@wharf/plugin-tenants/shared`):
 * the same functions the tenants API uses, with Db and KubeClients provided, so a caller
 * in another plugin needs only the tag.
 */
import { Db, NotFound } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Directory } from "@wharf/plugin-identity/shared"
import { Effect, Layer } from "effect"
import { Quotas, Tenants } from "../shared/services"
import { checkQuota } from "./check"
import { listQuotas } from "./store"
import { tenantForCaller, usableBy } from "./tenants"
import { dbDown, noDb } from "./unavailable"
import { usageOf } from "./usage"

export const tenantsLayer = Layer.effect(
  Tenants,
  Effect.gen(function* () {
    const db = yield* Db
    return Tenants.of({
      usableBy: (viewer) => usableBy(viewer).pipe(Effect.provideService(Db, db), Effect.mapError(dbDown)),
      get: (tenantId) =>
        tenantForCaller(tenantId).pipe(
          Effect.map((t) => t.ref),
          Effect.provideService(Db, db),
          noDb
        ),
      namespaceOf: (tenantId) => tenantId
    })
  })
)

export const quotasLayer = Layer.effect(
  Quotas,
  Effect.gen(function* () {
    const db = yield* Db
    const kube = yield* KubeClients
    const directory = yield* Directory
    return Quotas.of({
      check: (tenant, clusterId, priority, request) =>
        checkQuota(tenant, clusterId, priority, request).pipe(
          Effect.provideService(Db, db),
          Effect.provideService(KubeClients, kube),
          Effect.provideService(Directory, directory)
        ),
      usage: (tenantId, clusterId) =>
        Effect.gen(function* () {
          const tenant = (yield* tenantForCaller(tenantId)).ref
          const cluster = (yield* kube.clusters).find((c) => c.id === clusterId)
          if (!cluster) return yield* new NotFound({ message: "No such cluster" })
          return yield* usageOf(tenant, cluster, yield* listQuotas({ clusterId, tenantIds: [tenant.id] }))
        }).pipe(Effect.provideService(Db, db), Effect.provideService(KubeClients, kube), noDb)
    })
  })
)
