/**
 * @module Registering clusters and listing the ones a viewer may see. A cluster is saved
 * only after a connection check (its version and node count) succeeds.
 */
import * as k8s from "@kubernetes/client-node"
import { Conflict, Db, Invalid, NotFound, requireRole, requireViewer, type Viewer } from "@wharf/core"
import { Effect } from "effect"
import type { RegisterClusterInput } from "../shared/schemas"
import type { ClusterSummary } from "../shared/types"
import { credentialsOf, explainFailure, kubeConfigOf, probe } from "./connection"
import { ClusterSecrets, KubeClients } from "./kubeClients"
import { resolveOwner } from "./owners"
import { allClusters, type ClusterRow, clusterById, insertCluster, recordProbe } from "./store"
import { canSeeCluster, openedTo } from "./visibility"

interface Status {
  readonly ok: boolean
  readonly message: string | null
  readonly version?: string
  readonly nodeCount?: number
}

// Status per built config: a new config (changed credentials) starts unknown.
const statusCache = new WeakMap<k8s.KubeConfig, { at: number; value: Promise<Status> }>()
const STATUS_TTL_MS = 30_000

const statusOf = (kc: k8s.KubeConfig): Promise<Status> => {
  const hit = statusCache.get(kc)
  if (hit && Date.now() - hit.at < STATUS_TTL_MS) return hit.value
  const server = kc.getCurrentCluster()?.server ?? "the cluster"
  const value = Promise.race([
    kc
      .makeApiClient(k8s.VersionApi)
      .getCode()
      .then(async (v) => {
        const nodes = await kc.makeApiClient(k8s.CoreV1Api).listNode()
        return { ok: true, message: null, version: v.gitVersion, nodeCount: nodes.items.length }
      }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("no answer within 5 seconds")), 5000).unref()
    )
  ]).catch((e): Status => ({ ok: false, message: explainFailure(e, server) }))
  statusCache.set(kc, { at: Date.now(), value })
  return value
}

export const summaryOf = (row: ClusterRow, status?: Status): ClusterSummary => ({
  id: row.id,
  name: row.name,
  server: row.server,
  simulated: row.simulated,
  owner: row.owner,
  registry: row.registry ?? "default",
  version: status?.version ?? row.version,
  nodeCount: status?.nodeCount ?? row.nodeCount,
  status: status && !status.ok ? "unreachable" : "connected",
  statusMessage: status?.message ?? null,
  createdAt: row.createdAt.toISOString()
})

/** The cluster with its live status, as the viewer may see it. */
const withStatus = Effect.fn("Clusters.withStatus")(function* (row: ClusterRow) {
  const clients = yield* KubeClients
  const kc = yield* Effect.option(clients.config(row.id))
  if (kc._tag === "None")
    return summaryOf(row, { ok: false, message: "The stored credentials cannot be used" })
  const status = yield* Effect.promise(() => statusOf(kc.value))
  if (status.ok && status.version !== undefined && status.nodeCount !== undefined)
    yield* recordProbe(row.id, status.version, status.nodeCount)
  return summaryOf(row, status)
})

export const listClusters = Effect.gen(function* () {
  const viewer = yield* requireViewer
  const opened = yield* openedTo(viewer)
  const rows = (yield* allClusters).filter((r) => canSeeCluster(viewer, r, opened))
  return yield* Effect.forEach(rows, withStatus, { concurrency: 8 })
})

/** The row of a cluster the viewer may see; another tenant's cluster is "not found". */
export const visibleCluster = Effect.fn("Clusters.visible")(function* (id: string) {
  const viewer: Viewer = yield* requireViewer
  const row = yield* clusterById(id)
  if (!row || !canSeeCluster(viewer, row, yield* openedTo(viewer)))
    return yield* new NotFound({ message: "No such cluster" })
  return row
})

export const getCluster = Effect.fn("Clusters.get")(function* (id: string) {
  return yield* withStatus(yield* visibleCluster(id))
})

export const registerCluster = Effect.fn("Clusters.register")(function* (input: RegisterClusterInput) {
  const viewer = yield* requireRole("admin")
  const owner = yield* resolveOwner(viewer, input.owner)
  const db = yield* Db
  const [taken] = yield* db.query((sql) => sql`select 1 from clusters.clusters where name = ${input.name}`)
  if (taken) return yield* new Conflict({ message: `A cluster named ${input.name} is already registered` })
  const credentials = credentialsOf(input.connection)
  const kc = yield* kubeConfigOf(credentials)
  const found = yield* probe(kc).pipe(
    Effect.catchTag("Unavailable", (e) =>
      Effect.fail(new Invalid({ message: e.message, issues: [{ path: "connection", message: e.message }] }))
    )
  )
  const secrets = yield* ClusterSecrets
  const row = yield* insertCluster({
    name: input.name,
    server: found.server,
    credentials: secrets.seal(JSON.stringify(credentials)),
    simulated: false,
    owner,
    registry: input.registry && input.registry !== "default" ? input.registry : null,
    version: found.version,
    nodeCount: found.nodeCount
  })
  return summaryOf(row, { ok: true, message: null, version: found.version, nodeCount: found.nodeCount })
})
