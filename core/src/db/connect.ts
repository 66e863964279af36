/**
 * @module Opening the database: a PostgreSQL server when a URL is given, otherwise PGlite
 * in the data directory, served over a loopback socket so the same postgres.js driver
 * (and the same SQL) serves both.
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import postgres from "postgres"

export interface OpenedDatabase {
  readonly pool: postgres.Sql
  readonly kind: "embedded" | "server"
  /** Where other processes (a second replica, psql) reach this database. */
  readonly url: string
  readonly close: () => Promise<void>
}

const poolOptions = {
  max: 10,
  // PostgreSQL's NOTICEs (e.g. "schema already exists, skipping") are not ours to print.
  onnotice: () => {},
  connection: { application_name: "wharf" }
} as const

export const openServerDatabase = async (url: string, max = 10): Promise<OpenedDatabase> => {
  const pool = postgres(url, { ...poolOptions, max })
  await pool`select 1`
  return { pool, kind: "server", url, close: () => pool.end({ timeout: 5 }) }
}

/** `dataDir` null keeps the database in memory (tests). */
export const openEmbeddedDatabase = async (dataDir: string | null): Promise<OpenedDatabase> => {
  const { PGlite } = await import("@electric-sql/pglite")
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket")
  let path: string | undefined
  if (dataDir) {
    path = join(dataDir, "pglite")
    mkdirSync(path, { recursive: true })
  }
  const db = await PGlite.create(path ? { dataDir: path } : {})
  // The default of one connection makes a pool fail with ECONNRESET.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 10 })
  await server.start()
  const address = server.getServerConn()
  const url = `postgres://postgres@${address}/postgres`
  // One connection: the socket server feeds every connection into one PGlite, message by
  // message, so two connections' extended-protocol exchanges would interleave ("portal
  // does not exist"). PGlite runs one query at a time anyway.
  const pool = postgres(url, { ...poolOptions, max: 1 })
  await pool`select 1`
  return {
    pool,
    kind: "embedded",
    url,
    close: async () => {
      await pool.end({ timeout: 5 })
      await server.stop()
      await db.close()
    }
  }
}
