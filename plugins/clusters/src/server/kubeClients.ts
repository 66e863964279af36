/**
 * @module `KubeClients`: the one way Wharf's plugins talk to a registered cluster. A
 * client-node `KubeConfig` per cluster, built from its sealed credentials on first use and
 * cached until the cluster's row changes (checked by `updated_at`, so every replica sees a
 * change); and a live node/pod cache (`ClusterWatch`) per cluster, started on first use.
 */
import type * as k8s from "@kubernetes/client-node"
import { Db, NotFound, positiveSetting, type Sealer, Secrets, Unavailable, WharfConfig } from "@wharf/core"
import { Context, Effect, Layer } from "effect"
import { KubeClients } from "../shared/services"
import { ClusterWatch, NODE_METRICS_SECONDS } from "./clusterWatch"
import { type Credentials, explainFailure, kubeConfigOf } from "./connection"
import { allClusters, type ClusterRow, clusterById } from "./store"

export { KubeClients, type KubeClientsShape } from "../shared/services"

/** Seals and opens cluster credentials at rest: core's sealer for this purpose. */
export class ClusterSecrets extends Context.Service<ClusterSecrets, Sealer>()(
  "wharf/clusters/ClusterSecrets"
) {
  static readonly layer = Layer.effect(
    ClusterSecrets,
    Effect.gen(function* () {
      return (yield* Secrets).sealer("clusters/credentials")
    })
  )
}

interface Entry {
  readonly stamp: number
  readonly kc: k8s.KubeConfig
  watch?: ClusterWatch
}

const noCluster = () => new NotFound({ message: "No such cluster" })

export const kubeClientsLayer = Layer.effect(
  KubeClients,
  Effect.gen(function* () {
    const db = yield* Db
    const secrets = yield* ClusterSecrets
    const metricsTtlMs =
      positiveSetting((yield* WharfConfig).env, "WHARF_NODE_METRICS_SECONDS", NODE_METRICS_SECONDS) * 1000
    const entries = new Map<string, Entry>()
    yield* Effect.addFinalizer(() =>
      Effect.sync(() => {
        for (const e of entries.values()) e.watch?.stop()
        entries.clear()
      })
    )

    const drop = (id: string) => {
      entries.get(id)?.watch?.stop()
      entries.delete(id)
    }

    const build = (row: ClusterRow) =>
      Effect.gen(function* () {
        const credentials = yield* Effect.try({
          try: () => JSON.parse(secrets.open(row.credentials)) as Credentials,
          catch: () =>
            new Unavailable({
              message: `The credentials of cluster ${row.name} cannot be opened: was WHARF_SECRET_KEY or the data folder's secret.key changed?`
            })
        })
        return yield* kubeConfigOf(credentials).pipe(
          Effect.mapError(
            (e) =>
              new Unavailable({ message: `The stored credentials of ${row.name} are unusable: ${e.message}` })
          )
        )
      })

    const entryOf = (id: string) =>
      Effect.gen(function* () {
        const row = yield* clusterById(id).pipe(
          Effect.provideService(Db, db),
          Effect.mapError(() => new Unavailable({ message: "The database did not answer" }))
        )
        if (!row) {
          drop(id)
          return yield* noCluster()
        }
        const cached = entries.get(id)
        if (cached && cached.stamp === row.updatedAt.getTime()) return cached
        drop(id)
        const entry: Entry = { stamp: row.updatedAt.getTime(), kc: yield* build(row) }
        entries.set(id, entry)
        return entry
      })

    const config = (id: string) => Effect.map(entryOf(id), (e) => e.kc)

    return KubeClients.of({
      clusters: allClusters.pipe(
        Effect.provideService(Db, db),
        Effect.map((rows) => rows.map((r) => ({ id: r.id, name: r.name, simulated: r.simulated }))),
        Effect.mapError(() => new Unavailable({ message: "The database did not answer" }))
      ),
      config,
      api: (id, apiClass) => Effect.map(config(id), (kc) => kc.makeApiClient(apiClass)),
      watch: (id) =>
        Effect.gen(function* () {
          const entry = yield* entryOf(id)
          const watch = entry.watch ?? new ClusterWatch(entry.kc, metricsTtlMs)
          entry.watch = watch
          const server = entry.kc.getCurrentCluster()?.server ?? "the cluster"
          yield* Effect.tryPromise({
            try: () => watch.ready,
            catch: (e) => {
              // A failed start is not cached: the next request tries again.
              if (entry.watch === watch) entry.watch = undefined
              return new Unavailable({ message: explainFailure(e, server) })
            }
          })
          return watch
        }),
      invalidate: (id) => Effect.sync(() => drop(id))
    })
  })
)
