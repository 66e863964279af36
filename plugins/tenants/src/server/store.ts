/**
 * @module The `tenants.tenants` and `tenants.quotas` tables: rows in and out, in the units
 * people use (cores, MiB, Mbit/s); cpu is stored in millicores.
 */
import { createHash } from "node:crypto"
import { Db } from "@wharf/core"
import { Effect } from "effect"
import { tenantIdFor } from "../shared/naming"
import type { Resources, TenantKind, TenantRef } from "../shared/types"

export interface QuotaRecord extends Resources {
  readonly id: string
  readonly tenant: TenantRef
  readonly subjectId: string
  readonly clusterId: string
  readonly priority: number
  readonly updatedAt: Date
}

interface TenantRaw {
  id: string
  kind: TenantKind
  subject_id: string
  name: string
}
interface QuotaRaw extends TenantRaw {
  quota_id: string
  cluster_id: string
  priority: number
  cpu_millis: string
  memory_mib: string
  storage_mib: string
  network_mbps: string
  updated_at: Date
}

const tenantRef = (r: { id: string; kind: TenantKind; name: string }): TenantRef => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  namespace: r.id
})

const toQuota = (r: QuotaRaw): QuotaRecord => ({
  id: r.quota_id,
  tenant: tenantRef(r),
  subjectId: r.subject_id,
  clusterId: r.cluster_id,
  priority: r.priority,
  cpu: Number(r.cpu_millis) / 1000,
  memory: Number(r.memory_mib),
  storage: Number(r.storage_mib),
  network: Number(r.network_mbps),
  updatedAt: r.updated_at
})

/**
 * The tenant of a user or group, created on first use. Its id is `u-`/`g-` and a slug of
 * the email or name; when another subject has that slug, a short hash of the subject's id
 * is added.
 */
export const ensureTenant = Effect.fn("Tenants.ensure")(function* (
  kind: TenantKind,
  subjectId: string,
  name: string
) {
  const db = yield* Db
  const [found] = yield* db.query(
    (sql) =>
      sql<TenantRaw[]>`select id, kind, subject_id, name from tenants.tenants where subject_id = ${subjectId}`
  )
  if (found) {
    if (found.name !== name)
      yield* db.query((sql) => sql`update tenants.tenants set name = ${name} where subject_id = ${subjectId}`)
    return tenantRef({ ...found, name })
  }
  const base = tenantIdFor(kind, name)
  const hashed = `${base.slice(0, 54).replace(/-+$/, "")}-${createHash("sha256").update(subjectId).digest("hex").slice(0, 8)}`
  for (const id of [base, hashed]) {
    const [row] = yield* db.query(
      (sql) => sql<TenantRaw[]>`insert into tenants.tenants (id, kind, subject_id, name)
        values (${id}, ${kind}, ${subjectId}, ${name})
        on conflict do nothing returning id, kind, subject_id, name`
    )
    if (row) return tenantRef(row)
    // Another request created this subject's tenant at the same moment.
    const [again] = yield* db.query(
      (sql) =>
        sql<
          TenantRaw[]
        >`select id, kind, subject_id, name from tenants.tenants where subject_id = ${subjectId}`
    )
    if (again) return tenantRef(again)
  }
  return yield* Effect.die(new Error(`no free tenant id for ${kind} ${name}`))
})

export const tenantById = Effect.fn("Tenants.byId")(function* (id: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<TenantRaw[]>`select id, kind, subject_id, name from tenants.tenants where id = ${id}`
  )
  return row ? { ref: tenantRef(row), subjectId: row.subject_id } : undefined
})

export const tenantsBySubjects = Effect.fn("Tenants.bySubjects")(function* (
  subjectIds: ReadonlyArray<string>
) {
  if (subjectIds.length === 0) return []
  const db = yield* Db
  const rows = yield* db.query(
    (sql) =>
      sql<
        TenantRaw[]
      >`select id, kind, subject_id, name from tenants.tenants where subject_id = any(${sql.array([...subjectIds])}::uuid[])`
  )
  return rows.map((r) => ({ ref: tenantRef(r), subjectId: r.subject_id }))
})

export const allTenants = Effect.gen(function* () {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<TenantRaw[]>`select id, kind, subject_id, name from tenants.tenants order by id`
  )
  return rows.map((r) => ({ ref: tenantRef(r), subjectId: r.subject_id }))
})

const QUOTA_SELECT = `select q.id as quota_id, q.cluster_id, q.priority, q.cpu_millis, q.memory_mib,
  q.storage_mib, q.network_mbps, q.updated_at, t.id, t.kind, t.subject_id, t.name
  from tenants.quotas q join tenants.tenants t on t.id = q.tenant_id`

export interface QuotaFilter {
  readonly clusterId?: string | undefined
  readonly tenantIds?: ReadonlyArray<string> | undefined
  readonly quotaId?: string | undefined
}

export const listQuotas = Effect.fn("Quotas.list")(function* (filter: QuotaFilter = {}) {
  const db = yield* Db
  const rows = yield* db.query((sql) => {
    const where = [sql`true`]
    if (filter.clusterId !== undefined) where.push(sql`q.cluster_id::text = ${filter.clusterId}`)
    if (filter.tenantIds !== undefined)
      where.push(sql`q.tenant_id = any(${sql.array([...filter.tenantIds])}::text[])`)
    if (filter.quotaId !== undefined) where.push(sql`q.id::text = ${filter.quotaId}`)
    const clause = where.reduce((a, b) => sql`${a} and ${b}`)
    return sql<
      QuotaRaw[]
    >`${sql.unsafe(QUOTA_SELECT)} where ${clause} order by t.id, q.cluster_id, q.priority`
  })
  return rows.map(toQuota)
})

export const quotaById = Effect.fn("Quotas.byId")(function* (id: string) {
  const [row] = yield* listQuotas({ quotaId: id })
  return row
})

export interface QuotaValuesStored extends Resources {
  readonly priority: number
}

export const insertQuota = Effect.fn("Quotas.insert")(function* (
  tenantId: string,
  clusterId: string,
  v: QuotaValuesStored
) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ id: string }[]>`insert into tenants.quotas
      (tenant_id, cluster_id, priority, cpu_millis, memory_mib, storage_mib, network_mbps)
      values (${tenantId}, ${clusterId}, ${v.priority}, ${Math.round(v.cpu * 1000)}, ${v.memory}, ${v.storage}, ${v.network})
      on conflict (tenant_id, cluster_id, priority) do nothing returning id`
  )
  return row?.id
})

export const updateQuota = Effect.fn("Quotas.update")(function* (id: string, v: QuotaValuesStored) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<{ id: string }[]>`update tenants.quotas set priority = ${v.priority},
      cpu_millis = ${Math.round(v.cpu * 1000)}, memory_mib = ${v.memory}, storage_mib = ${v.storage},
      network_mbps = ${v.network}, updated_at = now()
      where id = ${id} and not exists (
        select 1 from tenants.quotas o where o.tenant_id = tenants.quotas.tenant_id
          and o.cluster_id = tenants.quotas.cluster_id and o.priority = ${v.priority} and o.id <> ${id})
      returning id`
  )
  return rows.length > 0
})

export const deleteQuota = Effect.fn("Quotas.delete")(function* (id: string) {
  const db = yield* Db
  yield* db.query((sql) => sql`delete from tenants.quotas where id = ${id}`)
})

export const peersOf = Effect.fn("Tenants.peers")(function* (tenantIds: ReadonlyArray<string>) {
  if (tenantIds.length === 0) return new Map<string, string[]>()
  const db = yield* Db
  const rows = yield* db.query(
    (sql) =>
      sql<{ tenant_id: string; peer_id: string }[]>`select tenant_id, peer_id from tenants.peers
        where tenant_id = any(${sql.array([...tenantIds])}::text[]) order by peer_id`
  )
  const map = new Map<string, string[]>()
  for (const r of rows) map.set(r.tenant_id, [...(map.get(r.tenant_id) ?? []), r.peer_id])
  return map
})

/** Let `peerId`'s namespace reach `tenantId`'s; false when it already could. */
export const addPeer = Effect.fn("Tenants.addPeer")(function* (tenantId: string, peerId: string) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<{ tenant_id: string }[]>`insert into tenants.peers (tenant_id, peer_id)
      values (${tenantId}, ${peerId}) on conflict do nothing returning tenant_id`
  )
  return rows.length > 0
})

export const removePeer = Effect.fn("Tenants.removePeer")(function* (tenantId: string, peerId: string) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<{ tenant_id: string }[]>`delete from tenants.peers
      where tenant_id = ${tenantId} and peer_id = ${peerId} returning tenant_id`
  )
  return rows.length > 0
})

/** The clusters where a tenant holds quota (where its NetworkPolicy lives). */
export const clustersOfTenant = Effect.fn("Tenants.clusters")(function* (tenantId: string) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) =>
      sql<
        { cluster_id: string }[]
      >`select distinct cluster_id::text from tenants.quotas where tenant_id = ${tenantId}`
  )
  return rows.map((r) => r.cluster_id)
})

/** The clusters where a tenant of one of these subjects (a user, their groups) holds quota. */
export const clustersWithQuotaOf = Effect.fn("Tenants.clustersWithQuota")(function* (
  subjectIds: ReadonlyArray<string>
) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) =>
      sql<{ cluster_id: string }[]>`
      select distinct q.cluster_id::text from tenants.quotas q join tenants.tenants t on t.id = q.tenant_id
      where t.subject_id = any(${sql.array([...subjectIds])}::uuid[])`
  )
  return rows.map((r) => r.cluster_id)
})
