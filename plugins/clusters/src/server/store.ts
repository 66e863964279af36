/**
 * @module The `clusters.clusters` table: rows in and out. Credentials stay sealed here;
 * only `KubeClients` opens them.
 */
import { conflictOnDuplicate, Db } from "@wharf/core"
import { Effect } from "effect"
import type { ClusterOwner, OwnerKind } from "../shared/types"

export interface ClusterRow {
  readonly id: string
  readonly name: string
  readonly server: string
  readonly credentials: string
  readonly simulated: boolean
  readonly owner: ClusterOwner
  readonly registry: string | null
  readonly version: string | null
  readonly nodeCount: number | null
  readonly createdAt: Date
  readonly updatedAt: Date
}

interface Raw {
  id: string
  name: string
  server: string
  credentials: string
  simulated: boolean
  owner_kind: OwnerKind
  owner_id: string | null
  owner_name: string
  registry: string | null
  version: string | null
  node_count: number | null
  created_at: Date
  updated_at: Date
}

const toRow = (r: Raw): ClusterRow => ({
  id: r.id,
  name: r.name,
  server: r.server,
  credentials: r.credentials,
  simulated: r.simulated,
  owner: { kind: r.owner_kind, id: r.owner_id, name: r.owner_name },
  registry: r.registry,
  version: r.version,
  nodeCount: r.node_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const allClusters = Effect.gen(function* () {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<Raw[]>`select * from clusters.clusters order by simulated desc, name`
  )
  return rows.map(toRow)
})

/** The row, or undefined (also for ids that are not UUIDs: they name no cluster). */
export const clusterById = Effect.fn("Clusters.byId")(function* (id: string) {
  if (!UUID.test(id)) return undefined
  const db = yield* Db
  const [row] = yield* db.query((sql) => sql<Raw[]>`select * from clusters.clusters where id = ${id}`)
  return row ? toRow(row) : undefined
})

export const simulatedCluster = Effect.gen(function* () {
  const db = yield* Db
  const [row] = yield* db.query((sql) => sql<Raw[]>`select * from clusters.clusters where simulated limit 1`)
  return row ? toRow(row) : undefined
})

export const countClusters = Effect.gen(function* () {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ n: number }[]>`select count(*)::int as n from clusters.clusters`
  )
  return row?.n ?? 0
})

export interface NewCluster {
  readonly name: string
  readonly server: string
  readonly credentials: string
  readonly simulated: boolean
  readonly owner: ClusterOwner
  readonly registry: string | null
  readonly version: string
  readonly nodeCount: number
}

export const insertCluster = Effect.fn("Clusters.insert")(function* (c: NewCluster) {
  const db = yield* Db
  const [row] = yield* db
    .query(
      (sql) => sql<Raw[]>`insert into clusters.clusters
        (name, server, credentials, simulated, owner_kind, owner_id, owner_name, registry, version, node_count)
        values (${c.name}, ${c.server}, ${c.credentials}, ${c.simulated}, ${c.owner.kind}, ${c.owner.id},
          ${c.owner.name}, ${c.registry}, ${c.version}, ${c.nodeCount})
        returning *`
    )
    .pipe(conflictOnDuplicate(`A cluster named ${c.name} is already registered`))
  return toRow(row!)
})

/** A new address and credentials (the simulated cluster gets a new port each start). */
export const updateConnection = Effect.fn("Clusters.updateConnection")(function* (
  id: string,
  server: string,
  credentials: string
) {
  const db = yield* Db
  yield* db.query(
    (
      sql
    ) => sql`update clusters.clusters set server = ${server}, credentials = ${credentials}, updated_at = now()
      where id = ${id}`
  )
})

export const recordProbe = Effect.fn("Clusters.recordProbe")(function* (
  id: string,
  version: string,
  nodeCount: number
) {
  const db = yield* Db
  yield* db.query(
    (sql) => sql`update clusters.clusters set version = ${version}, node_count = ${nodeCount}
      where id = ${id} and (version is distinct from ${version} or node_count is distinct from ${nodeCount})`
  )
})
