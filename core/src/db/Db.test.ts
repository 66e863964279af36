import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type OpenedDatabase, openEmbeddedDatabase } from "./connect"
import { Db, makeDb } from "./Db"

/** What `afterCommit` callbacks saw of the table when they ran. */
describe("Db.afterCommit", () => {
  let database: OpenedDatabase
  const run = <A, E>(effect: Effect.Effect<A, E, Db>) =>
    Effect.runPromiseExit(Effect.provideService(effect, Db, makeDb(database.pool, database.kind)))
  const count = async () => Number((await database.pool`select count(*)::int as n from notes`)[0]!.n)

  beforeAll(async () => {
    database = await openEmbeddedDatabase(null)
    await database.pool`create table notes (body text not null)`
  })
  afterAll(() => database?.close())

  it("runs once the transaction has committed, when another connection sees the rows", async () => {
    const seen: number[] = []
    const write = Effect.gen(function* () {
      const db = yield* Db
      yield* db.transaction(
        Effect.gen(function* () {
          yield* db.query((sql) => sql`insert into notes values ('one')`)
          yield* db.afterCommit(() => seen.push(-1))
          // Inside the transaction the callback has not run yet.
          expect(seen).toEqual([])
          yield* db.query((sql) => sql`insert into notes values ('two')`)
        })
      )
    })
    const before = await count()
    expect((await run(write))._tag).toBe("Success")
    expect(seen).toEqual([-1])
    expect(await count()).toBe(before + 2)
  })

  it("never runs when the transaction rolls back", async () => {
    const seen: string[] = []
    const before = await count()
    const exit = await run(
      Effect.gen(function* () {
        const db = yield* Db
        yield* db.transaction(
          Effect.gen(function* () {
            yield* db.query((sql) => sql`insert into notes values ('lost')`)
            yield* db.afterCommit(() => seen.push("ran"))
            return yield* Effect.fail("refused")
          })
        )
      })
    )
    expect(exit._tag).toBe("Failure")
    expect(seen).toEqual([])
    expect(await count()).toBe(before)
  })

  it("runs at once outside a transaction, where the statement has committed already", async () => {
    const seen: string[] = []
    const exit = await run(
      Effect.gen(function* () {
        const db = yield* Db
        yield* db.query((sql) => sql`insert into notes values ('alone')`)
        yield* db.afterCommit(() => seen.push("ran"))
        return [...seen]
      })
    )
    expect(exit._tag === "Success" && exit.value).toEqual(["ran"])
  })
})
