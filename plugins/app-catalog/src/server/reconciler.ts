/**
 * @module The reconciler: brings each instance's objects in line with its stored generation
 * (server-side apply, then pruning what the generation no longer renders), starts dependents
 * only once their dependencies are ready, follows status from the cluster's pod watch, and
 * deletes. A change is picked up right after its transaction commits by the replica that made
 * it; the `app-catalog.reconcile` job passes over every unsettled instance every 5 s on one
 * replica, so a restart or a SIGKILL mid-install converges. A lease on the instance's row
 * keeps two replicas (or two passes) off the same instance at once; a dead one's lease expires.
 *
 * Each status change is told to this replica's live streams at once, and to every other
 * replica's through core's `Events` (published in the change's transaction), so a control
 * panel follows an instance whichever replica it is connected to.
 */

import { randomUUID } from "node:crypto"
import * as k8s from "@kubernetes/client-node"
import {
  Db,
  type DbError,
  Events,
  type JobDefinition,
  positiveSetting,
  type Secrets,
  WharfConfig
} from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Context, Effect, Layer, Option, Schema } from "effect"
import { InstanceEvent, type InstanceStatus, Visibility } from "../shared/instances"
import { INSTANCE_LABEL } from "../shared/render"
import type { AppCatalog } from "../shared/service"
import { renderRow } from "./desired"
import { KeptLists } from "./kept"
import { applyAll, deleteOwned, keyOf, kubeMessage, objectApi, prune } from "./kube"
import { observe, workloadOf } from "./status"
import {
  bindingsOf,
  deleteInstanceRow,
  dependentsOf,
  type InstanceRow,
  instanceByName,
  recordStatus,
  releaseLease,
  selectInstances,
  takeLease,
  unsettledIds
} from "./store"

/** How long a replica holds an instance (`WHARF_APP_LEASE_SECONDS`, 10): a dead one's hold expires. */
const LEASE_SECONDS = 10
/** The topic other replicas hear status changes on. */
const STATUS_TOPIC = "app-catalog.status"
/** While an instance is still coming up, look again this soon (the pod watch usually beats it). */
const RECHECK_MS = 1_000

/** A status change with who may see it, for the live stream to filter per viewer. */
const InstanceChange = Schema.Struct({
  ...InstanceEvent.fields,
  tenant: Schema.String,
  visibility: Visibility
})
export type InstanceChange = typeof InstanceChange.Type

export interface ReconcilerShape {
  /** Queue instances (by name) of a cluster once the current transaction commits. */
  readonly trigger: (clusterId: string, names: ReadonlyArray<string>) => Effect.Effect<void>
  /** Every unsettled instance of every cluster (the job). */
  readonly reconcileAll: Effect.Effect<void, DbError>
  /** Resolves once everything queued so far is done. */
  readonly settled: Effect.Effect<void>
  readonly subscribe: (listener: (change: InstanceChange) => void) => () => void
}

export class Reconciler extends Context.Service<Reconciler, ReconcilerShape>()(
  "wharf/app-catalog/Reconciler"
) {}

const WORKLOADS = [
  { apiVersion: "apps/v1", kind: "StatefulSet" },
  { apiVersion: "apps/v1", kind: "Deployment" }
] as const

/** The instance's workloads and pods, by its label. */
const readState = async (kc: k8s.KubeConfig, row: InstanceRow) => {
  const selector = `${INSTANCE_LABEL}=${row.name}`
  const api = objectApi(kc)
  const [workloads, pods] = await Promise.all([
    Promise.all(
      WORKLOADS.map(({ apiVersion, kind }) =>
        api
          .list(apiVersion, kind, row.namespace, undefined, undefined, undefined, undefined, selector)
          .then((l) => l.items.map((o) => ({ ...o, kind })))
      )
    ).then((l) => l.flat()),
    kc.makeApiClient(k8s.CoreV1Api).listNamespacedPod({ namespace: row.namespace, labelSelector: selector })
  ])
  return { workloads: workloads.map((w) => workloadOf(w, pods.items)), pods: pods.items }
}

/** What a replica publishes of a status change: which replica, and the change. */
const HeardChange = Schema.fromJsonString(Schema.Struct({ from: Schema.String, change: InstanceChange }))
const heardChange = Schema.decodeUnknownOption(HeardChange)

export const reconcilerLayer = Layer.effect(
  Reconciler,
  Effect.gen(function* () {
    const db = yield* Db
    const lists = yield* KeptLists
    const leaseMs = positiveSetting((yield* WharfConfig).env, "WHARF_APP_LEASE_SECONDS", LEASE_SECONDS) * 1000
    const events = yield* Events
    const kube = yield* KubeClients
    /** Tells this replica's own events from another's. */
    const replica = randomUUID()
    const context = yield* Effect.context<Db | KubeClients | AppCatalog | Secrets>()
    const listeners = new Set<(change: InstanceChange) => void>()
    const changeOf = (row: InstanceRow, removed: boolean): InstanceChange => ({
      name: row.name,
      status: row.status,
      ...(row.reason ? { reason: row.reason } : {}),
      ...(row.waitingFor.length > 0 ? { waitingFor: row.waitingFor } : {}),
      generation: row.generation,
      ...(removed ? { removed: true } : {}),
      tenant: row.tenantId,
      visibility: row.visibility
    })
    const tell = (change: InstanceChange) => {
      lists.forget()
      for (const l of listeners) l(change)
    }
    /** A change committed here: this replica's streams at once, the others' by the event. */
    const emit = (row: InstanceRow, removed = false) => tell(changeOf(row, removed))
    /** Inside the change's transaction: other replicas hear of it only if it commits. */
    const publish = (row: InstanceRow, removed = false) =>
      events.publish(STATUS_TOPIC, JSON.stringify({ from: replica, change: changeOf(row, removed) }))
    yield* events.subscribe(STATUS_TOPIC, (payloads) =>
      Effect.sync(() => {
        for (const payload of payloads) {
          const heard = Option.getOrUndefined(heardChange(payload))
          if (heard && heard.from !== replica) tell(heard.change)
        }
      })
    )

    const record = (
      row: InstanceRow,
      status: { status: InstanceStatus; reason: string | null; waitingFor: ReadonlyArray<string> },
      applied?: number
    ) =>
      Effect.gen(function* () {
        const changed = yield* db.transaction(
          Effect.gen(function* () {
            const changed = yield* recordStatus(row.id, status, applied)
            if (changed) yield* publish(changed)
            return changed
          })
        )
        if (changed) emit(changed)
        return changed ?? row
      })

    /** One instance, start to finish, under its lease. */
    const reconcileOne = (name: string) =>
      Effect.gen(function* () {
        const row = yield* instanceByName(name)
        if (!row) return
        if (!(yield* takeLease(row.id, leaseMs))) return
        yield* Effect.ensuring(step(row), releaseLease(row.id).pipe(Effect.ignore))
      })

    const step = (row: InstanceRow): Effect.Effect<void, unknown, Db | KubeClients | AppCatalog | Secrets> =>
      Effect.gen(function* () {
        const kc = yield* kube.config(row.clusterId)
        const onCluster = <A>(what: string, run: () => Promise<A>) =>
          Effect.tryPromise({ try: run, catch: (e) => new Error(`${what}: ${kubeMessage(e)}`) })

        if (row.status === "deleting") {
          yield* onCluster("delete", () => deleteOwned(kc, row.namespace, row.name, row.deleteVolumes))
          // Dependents go first (a cascade marks them deleting too); the binding holds the row till then.
          if ((yield* dependentsOf([row.id])).length > 0) return later(row)
          yield* db.transaction(Effect.andThen(deleteInstanceRow(row.id), publish(row, true)))
          emit(row, true)
          return
        }

        const bindings = yield* bindingsOf([row.id])
        const boundIds = bindings.flatMap((b) => (b.boundId ? [b.boundId] : []))
        const deps = boundIds.length > 0 ? yield* selectInstances({ ids: boundIds }) : []
        const waitingFor = deps.filter((d) => d.status !== "ready").map((d) => d.name)
        // A dependent starts once its dependencies are ready; once started, it is not held back.
        if (row.appliedGeneration === 0 && waitingFor.length > 0) {
          yield* record(row, { status: "deploying", reason: null, waitingFor })
          return
        }

        let current = row
        if (row.appliedGeneration < row.generation) {
          const objects = yield* renderRow(row)
          const applied = yield* Effect.result(
            onCluster("apply", async () => {
              await applyAll(kc, objects)
              await prune(kc, row.namespace, row.name, new Set(objects.map(keyOf)))
            })
          )
          if (applied._tag === "Failure") {
            yield* record(row, { status: "failed", reason: applied.failure.message, waitingFor: [] })
            return later(row)
          }
          current = yield* record(row, { status: "deploying", reason: null, waitingFor: [] }, row.generation)
        }

        const state = yield* onCluster("read", () => readState(kc, current))
        const seen = observe(state.workloads, state.pods, current.status)
        const after = yield* record(current, { ...seen, waitingFor: [] })
        if (after.status === "ready" && current.status !== "ready") {
          // Dependents waiting for this one may start now.
          const dependents = yield* dependentsOf([row.id])
          const rows =
            dependents.length > 0 ? yield* selectInstances({ ids: dependents.map((d) => d.instanceId) }) : []
          for (const d of rows) enqueue(d.clusterId, d.name)
        }
        if (after.status !== "ready") later(after)
      })

    const later = (row: InstanceRow) => {
      setTimeout(() => enqueue(row.clusterId, row.name), RECHECK_MS).unref()
    }

    // Queued names per cluster; one run per cluster at a time, picking up what queued meanwhile.
    const pending = new Map<string, Set<string>>()
    const running = new Map<string, Promise<void>>()
    const drain = (clusterId: string): Promise<void> => {
      const run = (async () => {
        while ((pending.get(clusterId)?.size ?? 0) > 0) {
          const names = [...pending.get(clusterId)!]
          pending.delete(clusterId)
          for (const name of names)
            await Effect.runPromiseWith(context)(
              reconcileOne(name).pipe(
                Effect.catchCause((cause) =>
                  Effect.logWarning(`app-catalog: reconciling ${name} failed`, cause)
                )
              )
            )
        }
      })().finally(() => {
        running.delete(clusterId)
        if ((pending.get(clusterId)?.size ?? 0) > 0) void drain(clusterId)
      })
      running.set(clusterId, run)
      return run
    }
    function enqueue(clusterId: string, name: string) {
      const set = pending.get(clusterId) ?? new Set<string>()
      pending.set(clusterId, set.add(name))
      watchPods(clusterId)
      if (!running.has(clusterId)) void drain(clusterId)
    }

    // The cluster's pod watch (shared with the hosts page) tells when an instance's pods change.
    const watched = new Set<string>()
    function watchPods(clusterId: string) {
      if (watched.has(clusterId)) return
      watched.add(clusterId)
      void Effect.runPromiseWith(context)(kube.watch(clusterId))
        .then((watch) => {
          const onPod = (pod: k8s.V1Pod) => {
            const name = pod.metadata?.labels?.[INSTANCE_LABEL]
            if (name) enqueue(clusterId, name)
          }
          for (const verb of ["add", "update", "delete"] as const) watch.pods.on(verb, onPod)
          watch.onStop(() => watched.delete(clusterId))
        })
        .catch(() => watched.delete(clusterId))
    }

    const reconcileAll = Effect.gen(function* () {
      const clusters = yield* kube.clusters.pipe(Effect.orElseSucceed(() => []))
      for (const cluster of clusters) {
        const ids = yield* unsettledIds(cluster.id)
        if (ids.length === 0) continue
        for (const row of yield* selectInstances({ ids })) enqueue(cluster.id, row.name)
      }
      while (running.size > 0) yield* Effect.promise(() => Promise.all(running.values()))
    }).pipe(Effect.provideService(Db, db))

    return Reconciler.of({
      trigger: (clusterId, names) =>
        db.afterCommit(() => {
          // An install, change or delete committed: the control panel shows it at once.
          lists.forget()
          for (const name of names) enqueue(clusterId, name)
        }),
      reconcileAll,
      settled: Effect.promise(async () => {
        while (running.size > 0) await Promise.all(running.values())
      }),
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      }
    })
  })
)

export const reconcileJob: JobDefinition = {
  id: "app-catalog.reconcile",
  schedule: { every: "5 seconds" },
  run: Effect.gen(function* () {
    yield* (yield* Reconciler).reconcileAll
  })
}
