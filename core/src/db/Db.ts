/**
 * @module The `Db` service: one postgres.js pool, against PGlite (embedded default) or a
 * PostgreSQL server (`DATABASE_URL`). Effects call `db.query(sql => sql\`...\`)`; inside
 * `db.transaction(effect)` the same calls run on the transaction's connection.
 */
import { Context, Effect, Exit, Schema, type Scope } from "effect"
import type postgres from "postgres"
import { Conflict } from "../errors"

export type Sql = postgres.Sql | postgres.TransactionSql

/** A database call failed for a reason the caller did not handle (a bug or an outage). */
export class DbError extends Schema.TaggedError<DbError>()("DbError", {
  message: Schema.String,
  /** The PostgreSQL SQLSTATE, e.g. `23505` for a unique violation. */
  code: Schema.optional(Schema.String),
  constraint: Schema.optional(Schema.String)
}) {}

export interface DbShape {
  /** The pool itself, for the migration runner and tests. */
  readonly pool: postgres.Sql
  /** Run one statement (or a few) on the current transaction's connection, or the pool. */
  readonly query: <A>(run: (sql: Sql) => Promise<A>) => Effect.Effect<A, DbError>
  /** Run `effect` in one transaction: it commits if the effect succeeds, rolls back if it fails. */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | DbError, R>
  /**
   * Run `callback` once what the current fiber wrote is committed: when its transaction
   * commits (never if it rolls back), or at once outside a transaction, where each statement
   * commits by itself. For in-memory state that must not run ahead of the database.
   */
  readonly afterCommit: (callback: () => void) => Effect.Effect<void>
  /**
   * LISTEN on `channel` while the scope lasts; `onNotify` gets each payload, from every
   * replica (this one too). PGlite's socket delivers none: whoever listens needs a bound.
   */
  readonly listen: (
    channel: string,
    onNotify: (payload: string) => void
  ) => Effect.Effect<void, DbError, Scope.Scope>
  /** "embedded" (PGlite) or "server" (PostgreSQL), for /readyz and the console. */
  readonly kind: "embedded" | "server"
}

export class Db extends Context.Service<Db, DbShape>()("wharf/Db") {}

interface Transaction {
  readonly sql: postgres.TransactionSql
  readonly committed: Array<() => void>
}

/** The transaction the current fiber is in, if any. */
const CurrentTransaction = Context.Reference<Transaction | null>("wharf/Db/CurrentTransaction", {
  defaultValue: () => null
})

export const toDbError = (cause: unknown): DbError => {
  const e = cause as { message?: string; code?: string; constraint_name?: string }
  return new DbError({
    message: e?.message ?? String(cause),
    ...(e?.code ? { code: e.code } : {}),
    ...(e?.constraint_name ? { constraint: e.constraint_name } : {})
  })
}

/** Carries an Effect failure through postgres.js' promise-based `begin` so it rolls back. */
class Rollback {
  constructor(readonly exit: Exit.Exit<unknown, unknown>) {}
}

export const makeDb = (pool: postgres.Sql, kind: DbShape["kind"]): DbShape => ({
  pool,
  kind,
  query: (run) =>
    Effect.gen(function* () {
      const tx = yield* CurrentTransaction
      return yield* Effect.tryPromise({ try: () => run(tx?.sql ?? pool), catch: toDbError })
    }),
  listen: (channel, onNotify) =>
    Effect.asVoid(
      Effect.acquireRelease(
        Effect.tryPromise({ try: () => pool.listen(channel, onNotify), catch: toDbError }),
        (listening) => Effect.promise(() => listening.unlisten()).pipe(Effect.ignore)
      )
    ),
  afterCommit: (callback) =>
    Effect.gen(function* () {
      const tx = yield* CurrentTransaction
      if (tx) tx.committed.push(callback)
      else callback()
    }),
  transaction: <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | DbError, R> =>
    Effect.gen(function* () {
      // Nested transactions join the outer one: one unit of work, one commit.
      if (yield* CurrentTransaction) return yield* effect as Effect.Effect<A, E | DbError, R>
      const context = yield* Effect.context<R>()
      const committed: Array<() => void> = []
      return yield* Effect.tryPromise({
        try: async () => {
          const value = (await pool.begin(async (sql) => {
            const exit = await Effect.runPromiseExitWith(context)(
              Effect.provideService(effect, CurrentTransaction, { sql, committed })
            )
            if (Exit.isFailure(exit)) throw new Rollback(exit)
            return exit.value as never
          })) as A
          for (const callback of committed) callback()
          return value
        },
        catch: (cause) => cause
      }).pipe(
        Effect.catch(
          (cause): Effect.Effect<A, E | DbError> =>
            cause instanceof Rollback ? (cause.exit as Exit.Exit<A, E>) : Effect.fail(toDbError(cause))
        )
      )
    }) as Effect.Effect<A, E | DbError, R>
})

/** Turn a unique-constraint violation into a `Conflict` with a message the user can act on. */
export const conflictOnDuplicate =
  (message: string) =>
  <A, E, R>(self: Effect.Effect<A, E | DbError, R>): Effect.Effect<A, E | DbError | Conflict, R> =>
    Effect.catch(
      self,
      (e): Effect.Effect<never, E | DbError | Conflict> =>
        e instanceof DbError && e.code === "23505" ? Effect.fail(new Conflict({ message })) : Effect.fail(e)
    )
