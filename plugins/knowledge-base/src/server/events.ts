/**
 * @module ArticleEvents: "this article changed", told to every server replica on the same
 * database. A writer appends the article id to `knowledge_base.changes` and NOTIFYs in the
 * same transaction (delivered on commit); each replica LISTENs and, woken, reads the
 * change log from where it left off. The log also covers what NOTIFY cannot: a replica
 * whose LISTEN connection dropped catches up on the next poll, and PGlite's socket does
 * not deliver notifications at all (measured), so the embedded database polls often.
 *
 * This is general (any plugin's search index needs it) and should move to core as `Events`.
 */
import { Db, type DbError } from "@wharf/core"
import { Context, Effect, Layer, Schedule, Semaphore } from "effect"

const CHANNEL = "knowledge_base_changes"

export type ChangeHandler = (articleIds: ReadonlyArray<string>) => Effect.Effect<void>

export interface ArticleEventsShape {
  /** Record a change; call it inside the transaction that makes the change. */
  readonly publish: (articleId: string) => Effect.Effect<void, DbError>
  /** Called with the ids changed since the last call, on every replica (this one too). */
  readonly subscribe: (handler: ChangeHandler) => Effect.Effect<void>
  /** Read the change log now (after a local write, so this replica is current at once). */
  readonly catchUp: Effect.Effect<void>
}

export class ArticleEvents extends Context.Service<ArticleEvents, ArticleEventsShape>()(
  "wharf/knowledge-base/ArticleEvents"
) {}

export const articleEventsLayer = Layer.effect(
  ArticleEvents,
  Effect.gen(function* () {
    const db = yield* Db
    const handlers: ChangeHandler[] = []
    const lock = yield* Semaphore.make(1)
    // Start from the end of the log: whoever subscribes builds its state from the tables.
    const [head] = yield* db.query(
      (sql) => sql<{ seq: string | null }[]>`
      select max(seq)::text as seq from knowledge_base.changes`
    )
    let last = BigInt(head?.seq ?? "0")

    const catchUp = Semaphore.withPermit(lock)(
      Effect.gen(function* () {
        for (;;) {
          const rows = yield* db.query(
            (sql) => sql<{ seq: string; article_id: string }[]>`
            select seq::text, article_id::text from knowledge_base.changes
            where seq > ${last.toString()} order by seq limit 500`
          )
          if (rows.length === 0) return
          last = BigInt(rows.at(-1)!.seq)
          const ids = [...new Set(rows.map((r) => r.article_id))]
          for (const h of handlers) yield* h(ids)
        }
      })
    ).pipe(Effect.catchCause((cause) => Effect.logWarning("knowledge-base change log read failed", cause)))

    const context = yield* Effect.context<never>()
    const wake = () => {
      Effect.runForkWith(context)(catchUp)
    }
    yield* db.listen(CHANNEL, wake)
    yield* Effect.forkScoped(
      Effect.repeat(catchUp, Schedule.spaced(db.kind === "embedded" ? "200 millis" : "1 second"))
    )

    return ArticleEvents.of({
      publish: (articleId) =>
        db.query(
          (sql) => sql`
            with logged as (insert into knowledge_base.changes (article_id) values (${articleId}) returning seq)
            select pg_notify(${CHANNEL}, seq::text) from logged`
        ),
      subscribe: (handler) => Effect.sync(() => void handlers.push(handler)),
      catchUp
    })
  })
)

/** Replicas read the log within seconds; a day of it is plenty to catch up after a hiccup. */
export const pruneChanges = Effect.gen(function* () {
  const db = yield* Db
  yield* db.query((sql) => sql`delete from knowledge_base.changes where at < now() - interval '1 day'`)
})
