/**
 * @module The reconciler: keeps every cluster in line with the quotas. A change made
 * through Wharf is applied right after its transaction commits, by the replica that made
 * it, for that tenant on that cluster only (a few calls, well under a second); the
 * `tenants.reconcile` job passes over every cluster every 15 s on one replica, so a
 * restart, a missed change or a hand edit in the cluster converges too.
 */
import { Db, type DbError, type JobDefinition, Unavailable } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Context, Effect, Layer, Semaphore } from "effect"
import type { TenantPlan } from "./objects"
import { type ReconcileResult, reconcileCluster } from "./reconcile"
import { listQuotas, peersOf } from "./store"

export interface ReconcilerShape {
  /** Every cluster, every tenant; results by cluster id (a cluster that failed is logged and skipped). */
  readonly reconcileAll: Effect.Effect<Map<string, ReconcileResult>, DbError | Unavailable>
  /** Only these tenants on one cluster. */
  readonly reconcileTenants: (
    clusterId: string,
    tenantIds: ReadonlyArray<string>
  ) => Effect.Effect<ReconcileResult, DbError | Unavailable | import("@wharf/core").NotFound>
  /** Queue a tenant on a cluster for reconciling once the current transaction commits. */
  readonly trigger: (clusterId: string, tenantId: string) => Effect.Effect<void>
  /** Resolves once everything queued so far has been applied (or failed and been logged). */
  readonly settled: Effect.Effect<void>
}

export class Reconciler extends Context.Service<Reconciler, ReconcilerShape>()("wharf/tenants/Reconciler") {}

const plansOf = Effect.fn("Reconciler.plans")(function* (
  clusterId: string,
  tenantIds?: ReadonlyArray<string>
) {
  const all = yield* listQuotas({ clusterId })
  const levels = [...new Set(all.map((q) => q.priority))].sort((a, b) => a - b)
  const chosen = tenantIds ? new Set(tenantIds) : new Set(all.map((q) => q.tenant.id))
  const peers = yield* peersOf([...chosen])
  const plans: TenantPlan[] = [...chosen].map((tenantId) => ({
    tenantId,
    priorities: all.filter((q) => q.tenant.id === tenantId),
    peers: peers.get(tenantId) ?? []
  }))
  return { plans, levels }
})

export const reconcilerLayer = Layer.effect(
  Reconciler,
  Effect.gen(function* () {
    const db = yield* Db
    const kube = yield* KubeClients
    const context = yield* Effect.context<never>()

    // One run per cluster at a time, from reading the plans to the last write: a 15 s pass that
    // read the quotas before a change must not write its older values over the change's run.
    const locks = new Map<string, Semaphore.Semaphore>()
    const lockOf = (clusterId: string) => {
      const lock = locks.get(clusterId) ?? Semaphore.makeUnsafe(1)
      locks.set(clusterId, lock)
      return lock
    }

    const onCluster = (clusterId: string, tenantIds: ReadonlyArray<string> | undefined) =>
      Effect.gen(function* () {
        const kc = yield* kube.config(clusterId)
        const { plans, levels } = yield* plansOf(clusterId, tenantIds)
        return yield* Effect.tryPromise({
          try: () => reconcileCluster(kc, plans, { full: tenantIds === undefined, levels }),
          catch: (e) =>
            new Unavailable({
              message: `Reconciling cluster ${clusterId} failed: ${e instanceof Error ? e.message : String(e)}`
            })
        })
      }).pipe(Effect.provideService(Db, db), Semaphore.withPermit(lockOf(clusterId)))

    const reconcileAll = Effect.gen(function* () {
      const results = new Map<string, ReconcileResult>()
      for (const cluster of yield* kube.clusters) {
        const r = yield* Effect.result(onCluster(cluster.id, undefined))
        if (r._tag === "Success") results.set(cluster.id, r.success)
        else yield* Effect.logWarning(`tenants: cluster ${cluster.name} not reconciled`, r.failure)
      }
      return results
    })

    // Queued tenants per cluster; one run per cluster at a time, picking up what queued meanwhile.
    const pending = new Map<string, Set<string>>()
    const running = new Map<string, Promise<void>>()
    const drain = (clusterId: string): Promise<void> => {
      const run = (async () => {
        while ((pending.get(clusterId)?.size ?? 0) > 0) {
          const tenants = [...pending.get(clusterId)!]
          pending.delete(clusterId)
          await Effect.runPromiseWith(context)(
            onCluster(clusterId, tenants).pipe(
              Effect.catchCause((cause) =>
                Effect.logWarning("tenants: reconcile after a change failed", cause)
              )
            )
          )
        }
      })().finally(() => {
        running.delete(clusterId)
        // Queued between the loop's last look and now: start again.
        if ((pending.get(clusterId)?.size ?? 0) > 0) void drain(clusterId)
      })
      running.set(clusterId, run)
      return run
    }
    const enqueue = (clusterId: string, tenantId: string) => {
      const set = pending.get(clusterId) ?? new Set<string>()
      pending.set(clusterId, set.add(tenantId))
      if (!running.has(clusterId)) void drain(clusterId)
    }

    return Reconciler.of({
      reconcileAll,
      reconcileTenants: (clusterId, tenantIds) => onCluster(clusterId, tenantIds),
      trigger: (clusterId, tenantId) => db.afterCommit(() => enqueue(clusterId, tenantId)),
      settled: Effect.promise(async () => {
        while (running.size > 0) await Promise.all(running.values())
      })
    })
  })
)

export const reconcileJob: JobDefinition = {
  id: "tenants.reconcile",
  schedule: { every: "15 seconds" },
  run: Effect.gen(function* () {
    yield* (yield* Reconciler).reconcileAll
  })
}
