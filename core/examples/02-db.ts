/**
 * `Db`: SQL over postgres.js, on embedded PGlite here exactly as on a PostgreSQL server.
 * A transaction commits when its effect succeeds and rolls back when it fails; work that
 * must not run ahead of the database waits for the commit (`afterCommit`).
 * Run: `npx tsx core/examples/02-db.ts`
 */

import { pathToFileURL } from "node:url"
import { Effect } from "effect"
import { openEmbeddedDatabase } from "../src/db/connect"
import { Db, makeDb } from "../src/db/Db"

const program = Effect.gen(function* () {
  const db = yield* Db
  const said: string[] = []
  yield* db.query((sql) => sql`create table notes (body text not null)`)
  yield* db.transaction(
    Effect.gen(function* () {
      yield* db.query((sql) => sql`insert into notes values ('kept')`)
      // Runs once the row is visible to everyone: e.g. forget a cached page.
      yield* db.afterCommit(() => said.push("committed"))
    })
  )
  // A failure rolls the whole transaction back; the callback never runs.
  yield* db
    .transaction(
      Effect.gen(function* () {
        yield* db.query((sql) => sql`insert into notes values ('lost')`)
        yield* db.afterCommit(() => said.push("never"))
        return yield* Effect.fail("refused" as const)
      })
    )
    .pipe(Effect.catch(() => Effect.void))
  const rows = yield* db.query((sql) => sql<{ body: string }[]>`select body from notes`)
  return { notes: rows.map((r) => r.body), said }
})

export const main = Effect.promise(() => openEmbeddedDatabase(null)).pipe(
  Effect.flatMap((database) =>
    Effect.provideService(program, Db, makeDb(database.pool, database.kind)).pipe(
      Effect.ensuring(Effect.promise(() => database.close()))
    )
  )
)

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await Effect.runPromise(main))
}
