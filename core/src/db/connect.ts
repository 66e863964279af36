/**
 * @module Opening the database: a PostgreSQL server when a URL is given, otherwise PGlite
 * in the data directory, served over a Unix socket so the same postgres.js driver (and the
 * same SQL) serves both.
 *
 * PGlite's socket server cannot check a password: whoever reaches the socket is `postgres`.
 * So the socket is a file in a directory only Wharf's user may enter (0700), never a TCP
 * port, which every local process could reach.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
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

/**
 * A URL may name a Unix socket's directory as libpq does (`?host=/dir`, which psql reads
 * too); postgres.js takes that directory only as its `host` option.
 */
const connect = (url: string, max: number) => {
  const parsed = new URL(url)
  const socketDir = parsed.searchParams.get("host")
  if (!socketDir?.startsWith("/")) return postgres(url, { ...poolOptions, max })
  parsed.searchParams.delete("host")
  return postgres(parsed.toString(), { ...poolOptions, max, host: socketDir })
}

/** The file name PostgreSQL clients look for in a socket directory (port 5432). */
const SOCKET_FILE = ".s.PGSQL.5432"
/** A Unix socket's path must fit in 108 bytes (Linux; 104 on macOS). */
const SOCKET_PATH_MAX = 100

/**
 * A directory only this user may enter, for the socket: `run` in the data directory, or a
 * fresh one under the system's temporary directory when there is no data directory (tests)
 * or its path is too long for a socket. `remove` is for the latter.
 */
const socketDirectory = (dataDir: string | null) => {
  const inData = dataDir ? join(dataDir, "run") : null
  if (inData && Buffer.byteLength(join(inData, SOCKET_FILE)) <= SOCKET_PATH_MAX) {
    mkdirSync(inData, { recursive: true, mode: 0o700 })
    // mkdir keeps an existing directory's mode.
    chmodSync(inData, 0o700)
    // A socket file left by a server that was killed would make listening fail.
    rmSync(join(inData, SOCKET_FILE), { force: true })
    return { dir: inData, remove: false }
  }
  return { dir: mkdtempSync(join(tmpdir(), "wharf-db-")), remove: true }
}

export const openServerDatabase = async (url: string, max = 10): Promise<OpenedDatabase> => {
  const pool = connect(url, max)
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
    mkdirSync(path, { recursive: true, mode: 0o700 })
    // The database's files are only Wharf's to read, as PostgreSQL demands of its data directory.
    chmodSync(path, 0o700)
  }
  const db = await PGlite.create(path ? { dataDir: path } : {})
  const socket = socketDirectory(dataDir)
  // The default of one connection makes a pool fail with ECONNRESET.
  const server = new PGLiteSocketServer({ db, path: join(socket.dir, SOCKET_FILE), maxConnections: 10 })
  await server.start()
  chmodSync(join(socket.dir, SOCKET_FILE), 0o600)
  const url = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socket.dir)}`
  // One connection: PGlite runs one query at a time anyway. Other connections (a replica,
  // psql, postgres.js's own LISTEN connection) share it message by message; our patch of
  // pglite-socket (patches/) keeps each connection's Parse…Sync exchange together, which
  // upstream only does inside a transaction (electric-sql/pglite#1046). So a connection that
  // stops mid-exchange (a cursor's Execute waiting on its caller) holds the others until it
  // goes on or closes: Wharf reads no cursors.
  const pool = connect(url, 1)
  await pool`select 1`
  return {
    pool,
    kind: "embedded",
    url,
    close: async () => {
      await pool.end({ timeout: 5 })
      await server.stop()
      await db.close()
      if (socket.remove) rmSync(socket.dir, { recursive: true, force: true })
    }
  }
}
