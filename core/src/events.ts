/**
 * @module The `Events` service: "this changed", told to every server replica on the same
 * database (this one too), the one way a replica learns of another's change (a search
 * index, a cache). `publish` writes the event into `wharf.events` and NOTIFYs in the
 * caller's transaction, so a rolled-back change is never told; each replica LISTENs and,
 * woken, reads the log from where it left off, and hands each topic's new payloads to
 * that topic's subscribers.
 *
 * The bound: a notification can be lost (PGlite's socket delivers none; a LISTEN
 * connection drops and reconnects), so every replica also reads the log every
 * `CATCH_UP_MILLIS` (1 s, one indexed query). A committed event therefore reaches every
 * replica within about a second, and at once where NOTIFY works. A reader that must see
 * every replica's committed writes (read your own write on another replica) runs
 * `catchUp` before it reads.
 */
import { Context, Duration, Effect, Layer, Schedule, Semaphore } from "effect"
import { Db, type DbError } from "./db/Db"
import type { JobDefinition } from "./plugin"

const CHANNEL = "wharf_events"
/** How often each replica reads the log even without a notification: the bound above. */
export const CATCH_UP_MILLIS = 1_000
/**
 * A seq drawn by a transaction that has not committed yet is missing from the log for a
 * while (or for ever, if it rolls back); it is looked for again until it is this old. So a
 * publishing transaction that commits over a minute after its publish is not told.
 */
const GAP_MILLIS = 60_000

/** Gets each topic's new payloads (each once) since the last call, in publishing order. */
export type EventHandler = (payloads: ReadonlyArray<string>) => Effect.Effect<void>

export interface EventsShape {
  /** Tell every replica; call it inside the transaction that makes the change. */
  readonly publish: (topic: string, payload?: string) => Effect.Effect<void, DbError>
  /** Called with the topic's events on every replica, from the moment of subscribing. */
  readonly subscribe: (topic: string, handler: EventHandler) => Effect.Effect<void>
  /** Read the log now: after a write, or before a read that must see every replica's writes. */
  readonly catchUp: Effect.Effect<void>
}

export class Events extends Context.Service<Events, EventsShape>()("wharf/Events") {
  static readonly layer = Layer.effect(
    Events,
    Effect.gen(function* () {
      const db = yield* Db
      const handlers = new Map<string, EventHandler[]>()
      const lock = yield* Semaphore.make(1)
      // Start from the end of the log: subscribers build their state from the tables.
      const [head] = yield* db.query(
        (sql) => sql<{ seq: string | null }[]>`select max(seq)::text as seq from wharf.events`
      )
      let last = Number(head?.seq ?? 0)
      /** Seqs below `last` not seen yet, with when they were first missed. */
      const gaps = new Map<number, number>()

      const read = Effect.gen(function* () {
        const rows = yield* db.query(
          (sql) => sql<{ seq: string; topic: string; payload: string }[]>`
            select seq::text, topic, payload from wharf.events
            where seq > ${last} or seq = any(${[...gaps.keys()]}::bigint[])
            order by seq limit 1000`
        )
        const now = Date.now()
        const byTopic = new Map<string, string[]>()
        for (const row of rows) {
          const seq = Number(row.seq)
          gaps.delete(seq)
          // (A jump of thousands is not in-flight transactions but a sequence that skipped ahead.)
          if (seq - last < 1000) for (let missing = last + 1; missing < seq; missing++) gaps.set(missing, now)
          last = Math.max(last, seq)
          const payloads = byTopic.get(row.topic) ?? []
          if (!payloads.includes(row.payload)) payloads.push(row.payload)
          byTopic.set(row.topic, payloads)
        }
        for (const [seq, since] of gaps) if (now - since > GAP_MILLIS) gaps.delete(seq)
        for (const [topic, payloads] of byTopic) {
          for (const handler of handlers.get(topic) ?? []) yield* handler(payloads)
        }
        return rows.length
      })
      const catchUp = Semaphore.withPermit(lock)(
        Effect.gen(function* () {
          let more = true
          while (more) more = (yield* read) === 1000
        })
      ).pipe(Effect.catchCause((cause) => Effect.logWarning("events: reading the log failed", cause)))

      const context = yield* Effect.context<never>()
      const wake = () => {
        Effect.runForkWith(context)(catchUp)
      }
      yield* db.listen(CHANNEL, wake)
      yield* Effect.forkScoped(Effect.repeat(catchUp, Schedule.spaced(Duration.millis(CATCH_UP_MILLIS))))

      return Events.of({
        publish: (topic, payload = "") =>
          Effect.gen(function* () {
            yield* db.query((sql) => sql`select wharf.publish_event(${topic}, ${payload})`)
            // This replica hears it as soon as it commits, without the round trip.
            yield* db.afterCommit(wake)
          }),
        subscribe: (topic, handler) =>
          Effect.sync(() => void handlers.set(topic, [...(handlers.get(topic) ?? []), handler])),
        catchUp
      })
    })
  )
}

/**
 * A replica's in-memory copy of some tables (a search index, say), kept current on every
 * replica: rebuilt at start and whenever a write made through `change` commits anywhere.
 */
export interface RebuiltCopy {
  /**
   * Run `write` in one transaction that also tells every replica to rebuild (so a write that
   * rolls back is never told, and one whose event cannot be written is not made); this
   * replica has rebuilt before it returns.
   */
  readonly change: <A, E, R>(write: Effect.Effect<A, E, R>) => Effect.Effect<A, E | DbError, R>
  /** Run `read` once this replica has heard every change committed so far, anywhere. */
  readonly read: <A, E, R>(read: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}

/** Keep a copy that `rebuild` makes from the tables, on topic `topic` (see `RebuiltCopy`). */
export const rebuiltCopy = (topic: string, rebuild: Effect.Effect<void, DbError>) =>
  Effect.gen(function* () {
    const db = yield* Db
    const events = yield* Events
    yield* events.subscribe(topic, () =>
      rebuild.pipe(Effect.catchCause((cause) => Effect.logWarning(`${topic}: rebuilding failed`, cause)))
    )
    yield* rebuild
    return {
      change: (write) =>
        db.transaction(Effect.tap(write, () => events.publish(topic))).pipe(Effect.tap(() => events.catchUp)),
      read: (read) => Effect.andThen(events.catchUp, read)
    } satisfies RebuiltCopy
  })

/** Replicas read the log within seconds; a day of it is plenty to catch up after a hiccup. */
export const pruneEventsJob: JobDefinition = {
  id: "wharf.events-prune",
  schedule: { every: "1 hour" },
  run: Db.use((db) => db.query((sql) => sql`delete from wharf.events where at < now() - interval '1 day'`))
}
