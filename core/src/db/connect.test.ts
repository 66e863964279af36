import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type OpenedDatabase, openEmbeddedDatabase, openServerDatabase } from "./connect"

/** Tries to open the socket as the user `nobody`; prints how the attempt ended. */
const connectAsNobody = (socketPath: string) =>
  spawnSync(
    process.execPath,
    [
      "-e",
      `const s = require("node:net").connect({ path: ${JSON.stringify(socketPath)} });
       s.on("connect", () => { console.log("connected"); s.destroy() });
       s.on("error", (e) => console.log(e.code))`
    ],
    { uid: 65534, gid: 65534, cwd: "/", encoding: "utf8" }
  ).stdout.trim()

/** A server killed while listening leaves its socket file. */
const leaveSocketBehind = (socketPath: string) =>
  spawnSync(process.execPath, [
    "-e",
    `require("node:net").createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, "SIGKILL"))`
  ])

/** Issue 12, finding 3: PGlite's socket server checks no password, so nobody else may reach it. */
describe("the embedded database's socket", () => {
  let dataDir: string
  let database: OpenedDatabase
  const socketDir = () => new URL(database.url).searchParams.get("host")!

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "wharf-connect-"))
    database = await openEmbeddedDatabase(dataDir)
  })
  afterAll(async () => {
    await database?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it("is a Unix socket in the data directory that only Wharf's user may enter, not a TCP port", () => {
    expect(socketDir()).toBe(join(dataDir, "run"))
    expect(statSync(socketDir()).mode & 0o777).toBe(0o700)
    const socket = statSync(join(socketDir(), ".s.PGSQL.5432"))
    expect(socket.isSocket()).toBe(true)
    expect(socket.mode & 0o777).toBe(0o600)
    expect(statSync(join(dataDir, "pglite")).mode & 0o777).toBe(0o700)
  })

  // Only root can run a process as another user.
  it.skipIf(process.getuid?.() !== 0)("refuses a process of another user", () => {
    expect(connectAsNobody(join(socketDir(), ".s.PGSQL.5432"))).toBe("EACCES")
  })

  it("serves a second connection of Wharf's user through the URL it gives (a replica, psql)", async () => {
    const replica = await openServerDatabase(database.url, 1)
    try {
      expect(await replica.pool`select current_user as who`).toEqual([{ who: "postgres" }])
    } finally {
      await replica.close()
    }
  })

  it("keeps each connection's exchanges whole while a replica's connections query at the same time", async () => {
    // The socket server feeds every connection into the one PGlite message by message. A
    // query is several messages (Parse, Bind, Execute, Sync): another connection's landing
    // between them answered `portal "" does not exist`, or one query with another's rows
    // (patches/@electric-sql__pglite-socket@0.2.17.patch keeps an exchange together).
    const replica = await openServerDatabase(database.url, 4)
    try {
      const asked = Array.from({ length: 1200 }, (_, i) => i)
      const answers = await Promise.all(
        asked.map(async (i) => {
          const rows =
            i % 3 === 0
              ? await database.pool.begin((sql) => sql<{ n: number }[]>`select ${i}::int as n`)
              : i % 3 === 1
                ? await replica.pool<{ n: number }[]>`select ${i}::int as n, pg_sleep(0.001)`
                : await replica.pool.unsafe<{ n: number }[]>(`select ${i}::int as n`)
          return rows[0]?.n
        })
      )
      expect(answers).toEqual(asked)
    } finally {
      await replica.close()
    }
  })

  it("starts again over a socket file a killed server left behind, and removes its own on close", async () => {
    await database.close()
    expect(existsSync(join(socketDir(), ".s.PGSQL.5432"))).toBe(false)
    leaveSocketBehind(join(socketDir(), ".s.PGSQL.5432"))
    expect(statSync(join(socketDir(), ".s.PGSQL.5432")).isSocket()).toBe(true)
    database = await openEmbeddedDatabase(dataDir)
    expect((await database.pool`select 1 as one`)[0]).toEqual({ one: 1 })
    const inMemory = await openEmbeddedDatabase(null)
    const dir = new URL(inMemory.url).searchParams.get("host")!
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    await inMemory.close()
    expect(existsSync(dir)).toBe(false)
  })
})
