/**
 * @module The migration runner. Each plugin owns a schema and a folder of numbered plain
 * SQL files; the runner applies the ones not yet recorded, in order, each in its own
 * transaction. A failing file rolls back and stops start-up naming the file and the
 * database's message.
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type postgres from "postgres"

export interface Migration {
  /** File name, e.g. `0001_users.sql`; the order is the name's. */
  readonly name: string
  readonly sql: string
}

/** Read every `*.sql` of a plugin's migrations folder, in name order. */
export const readMigrations = (dir: URL): ReadonlyArray<Migration> =>
  readdirSync(fileURLToPath(dir))
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => ({
      name,
      sql: readFileSync(new URL(name, dir.href.endsWith("/") ? dir : `${dir.href}/`), "utf8")
    }))

/** Postgres schema of a plugin: its id with dashes made underscores (`knowledge-base` → `knowledge_base`). */
export const schemaOf = (pluginId: string) => pluginId.replaceAll("-", "_")

export class MigrationFailed extends Error {
  constructor(
    readonly plugin: string,
    readonly file: string,
    readonly reason: string
  ) {
    super(`migration ${plugin}/${file} failed: ${reason}`)
  }
}

// Any constant works; it keeps two replicas starting together from migrating at once.
const MIGRATION_LOCK = 7_247_001

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex")

export interface PluginMigrations {
  readonly plugin: string
  readonly migrations: ReadonlyArray<Migration>
}

/** Apply what has not run yet; returns the names applied, as `plugin/file`. */
export const runMigrations = async (pool: postgres.Sql, plugins: ReadonlyArray<PluginMigrations>) => {
  const applied: string[] = []
  await pool.reserve().then(async (conn) => {
    try {
      await conn`select pg_advisory_lock(${MIGRATION_LOCK})`
      await conn`create schema if not exists wharf`
      await conn`create table if not exists wharf.migrations (
        plugin text not null,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (plugin, name)
      )`
      const done = new Set(
        (await conn<{ plugin: string; name: string }[]>`select plugin, name from wharf.migrations`).map(
          (r) => `${r.plugin}/${r.name}`
        )
      )
      for (const { plugin, migrations } of plugins) {
        for (const m of migrations) {
          const key = `${plugin}/${m.name}`
          if (done.has(key)) continue
          // A reserved connection has no `begin()`; the transaction is spelled out.
          try {
            await conn.unsafe("begin")
            await conn.unsafe(`create schema if not exists "${schemaOf(plugin)}"`)
            await conn.unsafe(m.sql)
            await conn`insert into wharf.migrations (plugin, name, checksum) values (${plugin}, ${m.name}, ${checksum(m.sql)})`
            await conn.unsafe("commit")
          } catch (e) {
            await conn.unsafe("rollback").catch(() => {})
            throw new MigrationFailed(plugin, m.name, (e as Error).message)
          }
          applied.push(key)
        }
      }
    } finally {
      await conn`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {})
      conn.release()
    }
  })
  return applied
}
