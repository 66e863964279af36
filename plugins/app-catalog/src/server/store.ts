/**
 * @module The instances' tables: rows in and out, nothing else. Who may see what is decided
 * by `access.ts`; what a row means to a cluster by the reconciler.
 */
import { Db, isSealed, Secrets, type Sql } from "@wharf/core"
import { Effect } from "effect"
import type { FieldValue } from "../shared/definition"
import type { InstanceStatus, Visibility } from "../shared/instances"

/** One statement on the current transaction's connection (or the pool). */
const query = <A>(run: (sql: Sql) => Promise<A>) =>
  Effect.gen(function* () {
    return yield* (yield* Db).query(run)
  })

export interface InstanceRow {
  readonly id: string
  readonly name: string
  readonly app: string
  readonly version: string
  readonly tenantId: string
  readonly clusterId: string
  readonly namespace: string
  readonly visibility: Visibility
  readonly values: Record<string, FieldValue>
  /** Generated passwords, sealed (`passwordsOf` opens them). */
  readonly secrets: Record<string, string>
  readonly generation: number
  readonly appliedGeneration: number
  readonly status: InstanceStatus
  readonly reason: string | null
  readonly waitingFor: ReadonlyArray<string>
  readonly deleteVolumes: boolean
  readonly createdAt: string
  readonly updatedAt: string
}

export interface BindingRow {
  readonly instanceId: string
  readonly app: string
  readonly boundId: string | null
}

interface RawRow {
  id: string
  name: string
  app: string
  version: string
  tenant_id: string
  cluster_id: string
  namespace: string
  visibility: Visibility
  values: Record<string, FieldValue>
  secrets: Record<string, string>
  generation: number
  applied_generation: number
  status: InstanceStatus
  reason: string | null
  waiting_for: string[]
  delete_volumes: boolean
  created_at: Date
  updated_at: Date
}

const COLUMNS = `id::text, name, app, version, tenant_id, cluster_id::text, namespace, visibility, values,
  secrets, generation, applied_generation, status, reason, waiting_for, delete_volumes, created_at, updated_at`

const rowOf = (r: RawRow): InstanceRow => ({
  id: r.id,
  name: r.name,
  app: r.app,
  version: r.version,
  tenantId: r.tenant_id,
  clusterId: r.cluster_id,
  namespace: r.namespace,
  visibility: r.visibility,
  values: r.values,
  secrets: r.secrets,
  generation: r.generation,
  appliedGeneration: r.applied_generation,
  status: r.status,
  reason: r.reason,
  waitingFor: r.waiting_for,
  deleteVolumes: r.delete_volumes,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString()
})

export interface InstanceFilter {
  readonly names?: ReadonlyArray<string> | undefined
  readonly ids?: ReadonlyArray<string> | undefined
  readonly tenantIds?: ReadonlyArray<string> | undefined
  /** Tenants' instances plus every instance visible to all. */
  readonly orVisibleToAll?: boolean | undefined
  readonly clusterId?: string | undefined
}

export const selectInstances = (filter: InstanceFilter) =>
  query(async (sql) => {
    const where = [sql`true`]
    if (filter.names) where.push(sql`name = any(${filter.names as string[]})`)
    if (filter.ids) where.push(sql`id = any(${filter.ids as string[]}::uuid[])`)
    if (filter.clusterId) where.push(sql`cluster_id = ${filter.clusterId}::uuid`)
    if (filter.tenantIds)
      where.push(
        filter.orVisibleToAll
          ? sql`(tenant_id = any(${filter.tenantIds as string[]}) or visibility = 'all')`
          : sql`tenant_id = any(${filter.tenantIds as string[]})`
      )
    const clause = where.reduce((a, b) => sql`${a} and ${b}`)
    const rows = await sql<RawRow[]>`
        select ${sql.unsafe(COLUMNS)} from app_catalog.instances where ${clause} order by created_at, name`
    return rows.map(rowOf)
  })

/**
 * A fingerprint of everything the control panel shows of instances and their bindings: it
 * changes with any insert, update or delete of either, and costs one row, not every row.
 */
export const instancesFingerprint = query(async (sql) => {
  const [row] = await sql<{ fingerprint: string }[]>`
      select concat_ws(':',
        (select count(*) from app_catalog.instances),
        (select coalesce(sum(hashtext(concat_ws('|', id, name, app, version, tenant_id, cluster_id,
          namespace, visibility, status, reason, array_to_string(waiting_for, ','), generation,
          applied_generation, updated_at)) :: bigint), 0) from app_catalog.instances),
        (select count(*) from app_catalog.bindings),
        (select coalesce(sum(hashtext(concat_ws('|', instance_id, app, bound_id)) :: bigint), 0)
          from app_catalog.bindings)) as fingerprint`
  return row!.fingerprint
})

export const instanceByName = (name: string) =>
  Effect.map(selectInstances({ names: [name] }), (rows) => rows[0])

export const bindingsOf = (instanceIds: ReadonlyArray<string>) =>
  query(async (sql) => {
    const rows = await sql<{ instance_id: string; app: string; bound_id: string | null }[]>`
        select instance_id::text, app, bound_id::text from app_catalog.bindings
        where instance_id = any(${instanceIds as string[]}::uuid[]) order by app`
    return rows.map((r): BindingRow => ({ instanceId: r.instance_id, app: r.app, boundId: r.bound_id }))
  })

/** Bindings that hold these instances: their dependents. */
export const dependentsOf = (boundIds: ReadonlyArray<string>) =>
  query(async (sql) => {
    const rows = await sql<{ instance_id: string; app: string; bound_id: string }[]>`
        select instance_id::text, app, bound_id::text from app_catalog.bindings
        where bound_id = any(${boundIds as string[]}::uuid[])`
    return rows.map((r): BindingRow => ({ instanceId: r.instance_id, app: r.app, boundId: r.bound_id }))
  })

export interface NewInstance {
  readonly name: string
  readonly app: string
  readonly version: string
  readonly tenantId: string
  readonly clusterId: string
  readonly namespace: string
  readonly visibility: Visibility
  readonly values: Record<string, FieldValue>
  readonly secrets: Record<string, string>
  readonly createdBy: string | null
}

/** What an app's generated passwords are sealed for (a key of their own, from core's Secrets). */
const PASSWORDS = "app-catalog/passwords"

const mapValues = (o: Record<string, string>, f: (v: string) => string) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]))

/**
 * An instance's generated passwords, opened: they are sealed at rest, so a copy of the
 * database (a backup, a dump for support) does not hold every app's database password.
 * A row stored before sealing keeps its plain text, which passes through as it is.
 */
export const passwordsOf = (row: Pick<InstanceRow, "secrets">) =>
  Effect.gen(function* () {
    const sealer = (yield* Secrets).sealer(PASSWORDS)
    return mapValues(row.secrets, (v) => (isSealed(v) ? sealer.open(v) : v))
  })

/**
 * Instances stored before passwords were sealed keep them in plain text: seal them. Run at
 * start on every replica; only rows holding a value that is not sealed text come back (none,
 * once done), and a row another replica sealed meanwhile is left as that one wrote it.
 */
export const sealPlainPasswords = Effect.gen(function* () {
  const sealer = (yield* Secrets).sealer(PASSWORDS)
  // Sealed text starts "v1." (core's `isSealed`, which decides below); the rest is read.
  const rows = yield* query(
    (sql) => sql<{ id: string; secrets: Record<string, string> }[]>`
        select id::text, secrets from app_catalog.instances
        where exists (select 1 from jsonb_each_text(secrets) s where s.value not like 'v1.%')`
  )
  let sealed = 0
  for (const row of rows) {
    if (Object.values(row.secrets).every(isSealed)) continue
    const now = mapValues(row.secrets, (v) => (isSealed(v) ? v : sealer.seal(v)))
    yield* query(
      (sql) => sql`update app_catalog.instances set secrets = ${sql.json(now)}
          where id = ${row.id}::uuid and secrets = ${sql.json(row.secrets)}`
    )
    sealed++
  }
  return sealed
})

/** Stores a new instance, its generated passwords sealed. */
export const insertInstance = (plain: NewInstance) =>
  Effect.gen(function* () {
    const sealer = (yield* Secrets).sealer(PASSWORDS)
    return yield* insertRow({ ...plain, secrets: mapValues(plain.secrets, sealer.seal) })
  })

const insertRow = (n: NewInstance) =>
  query(async (sql) => {
    const [row] = await sql<RawRow[]>`
        insert into app_catalog.instances
          (name, app, version, tenant_id, cluster_id, namespace, visibility, values, secrets, created_by)
        values (${n.name}, ${n.app}, ${n.version}, ${n.tenantId}, ${n.clusterId}::uuid, ${n.namespace},
          ${n.visibility}, ${sql.json(n.values as never)}, ${sql.json(n.secrets)}, ${n.createdBy}::uuid)
        returning ${sql.unsafe(COLUMNS)}`
    return rowOf(row!)
  })

export const insertBinding = (instanceId: string, app: string, boundId: string | null) =>
  query(
    (sql) => sql`insert into app_catalog.bindings (instance_id, app, bound_id)
        values (${instanceId}::uuid, ${app}, ${boundId}::uuid)`
  )

/** A new generation of settings: the reconciler applies it and prunes what it no longer renders. */
export const updateValues = (id: string, values: Record<string, FieldValue>) =>
  query(async (sql) => {
    const [row] = await sql<RawRow[]>`
        update app_catalog.instances set values = ${sql.json(values as never)}, generation = generation + 1,
          status = 'deploying', reason = null, updated_at = now()
        where id = ${id}::uuid returning ${sql.unsafe(COLUMNS)}`
    return rowOf(row!)
  })

export const markDeleting = (ids: ReadonlyArray<string>, deleteVolumes: boolean) =>
  query(
    (sql) => sql`update app_catalog.instances set status = 'deleting', reason = null, waiting_for = '{}',
        delete_volumes = ${deleteVolumes}, updated_at = now() where id = any(${ids as string[]}::uuid[])`
  )

/** What the reconciler found; only written when something changed, so watchers see real changes. */
export const recordStatus = (
  id: string,
  status: { status: InstanceStatus; reason: string | null; waitingFor: ReadonlyArray<string> },
  appliedGeneration?: number
) =>
  query(async (sql) => {
    const rows = await sql<RawRow[]>`
        update app_catalog.instances set status = ${status.status}, reason = ${status.reason},
          waiting_for = ${status.waitingFor as string[]},
          applied_generation = greatest(applied_generation, ${appliedGeneration ?? 0}), updated_at = now()
        where id = ${id}::uuid and status <> 'deleting' and (status <> ${status.status}
          or reason is distinct from ${status.reason} or waiting_for <> ${status.waitingFor as string[]}
          or applied_generation < ${appliedGeneration ?? 0})
        returning ${sql.unsafe(COLUMNS)}`
    return rows[0] ? rowOf(rows[0]) : undefined
  })

export const deleteInstanceRow = (id: string) =>
  query((sql) => sql`delete from app_catalog.instances where id = ${id}::uuid`)

/** Take the instance for `ms` unless another reconciler holds it; false when taken. */
export const takeLease = (id: string, ms: number) =>
  query(async (sql) => {
    const rows = await sql`
        update app_catalog.instances set lease_until = now() + ${`${ms} milliseconds`}::interval
        where id = ${id}::uuid and (lease_until is null or lease_until < now()) returning id`
    return rows.length > 0
  })

export const releaseLease = (id: string) =>
  query((sql) => sql`update app_catalog.instances set lease_until = null where id = ${id}::uuid`)

/** Instances the reconciler has work on: not applied yet, not settled, or being deleted. */
export const unsettledIds = (clusterId: string) =>
  query(async (sql) => {
    const rows = await sql<{ id: string }[]>`
        select id::text from app_catalog.instances where cluster_id = ${clusterId}::uuid
        and (applied_generation < generation or status <> 'ready')`
    return rows.map((r) => r.id)
  })
