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

/**
 * A write that must commit with the current unit of work's first committed transaction, or
 * not at all: a change's audit row (see audit.ts). The edge sets one per change; the first
 * transaction to commit while it is `pending` writes it as its last statement, so the change
 * and its record succeed or fail together. A unit of work with no transaction gets it written
 * by the edge when it ends.
 */
export interface CommitCompanion {
  pending: boolean
  readonly write: Effect.Effect<void, DbError>
}
export const CurrentCompanion = Context.Reference<CommitCompanion | null>("wharf/Db/CommitCompanion", {
  defaultValue: () => null
})

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

export const makeDb = (pool: postgres.Sql, kind: DbShape["kind"]): DbShape => {
  const transaction = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | DbError, R> =>
    Effect.gen(function* () {
      // Nested transactions join the outer one: one unit of work, one commit.
      if (yield* CurrentTransaction) return yield* effect as Effect.Effect<A, E | DbError, R>
      const context = yield* Effect.context<R>()
      const committed: Array<() => void> = []
      const companion = yield* CurrentCompanion
      // Taken before any await, so two transactions of one unit of work cannot both write it;
      // given back if this one rolls back or changed nothing.
      const carried = companion?.pending === true
      if (carried) companion.pending = false
      let wrote = false
      const work = carried
        ? Effect.tap(effect, () =>
            Effect.gen(function* () {
              wrote = yield* changedAnything
              if (wrote) yield* companion.write
            })
          )
        : effect
      return yield* Effect.tryPromise({
        try: async () => {
          const value = (await pool.begin(async (sql) => {
            const exit = await Effect.runPromiseExitWith(context)(
              Effect.provideService(work, CurrentTransaction, { sql, committed })
            )
            if (Exit.isFailure(exit)) throw new Rollback(exit)
            return exit.value as never
          })) as A
          if (carried && !wrote) companion.pending = true
          for (const callback of committed) callback()
          return value
        },
        catch: (cause) => {
          if (carried) companion.pending = true
          return cause
        }
      }).pipe(
        Effect.catch(
          (cause): Effect.Effect<A, E | DbError> =>
            cause instanceof Rollback ? (cause.exit as Exit.Exit<A, E>) : Effect.fail(toDbError(cause))
        )
      )
    }) as Effect.Effect<A, E | DbError, R>

  const query = <A>(run: (sql: Sql) => Promise<A>): Effect.Effect<A, DbError> =>
    Effect.gen(function* () {
      const tx = yield* CurrentTransaction
      // A lone statement of a change whose audit row is not written yet runs in a transaction
      // of its own, so the row commits with it if it changes anything.
      if (!tx && (yield* CurrentCompanion)?.pending) return yield* transaction(query(run))
      return yield* Effect.tryPromise({ try: () => run(tx?.sql ?? pool), catch: toDbError })
    })

  /** Whether the current transaction has written: PostgreSQL assigns an id only to one that has. */
  const changedAnything = Effect.gen(function* () {
    const [row] = yield* query(
      (sql) => sql<{ wrote: boolean }[]>`
      select pg_current_xact_id_if_assigned() is not null as wrote`
    )
    return row?.wrote === true
  })

  return {
    pool,
    kind,
    query,
    transaction,
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
      })
  }
}

/** Turn a unique-constraint violation into a `Conflict` with a message the user can act on. */
export const conflictOnDuplicate =
  (message: string) =>
  <A, E, R>(self: Effect.Effect<A, E | DbError, R>): Effect.Effect<A, E | DbError | Conflict, R> =>
    Effect.catch(
      self,
      (e): Effect.Effect<never, E | DbError | Conflict> =>
        e instanceof DbError && e.code === "23505" ? Effect.fail(new Conflict({ message })) : Effect.fail(e)
    )
