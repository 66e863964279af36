/**
 * @module An in-memory copy (a search index, a cache) that follows a small table across
 * server replicas: a cheap fingerprint query of the table, run before each read, tells
 * whether another replica changed it, and if so the copy is rebuilt. For large or busy
 * tables, publish changes instead (the knowledge base's change log + LISTEN/NOTIFY).
 */
import { Effect } from "effect"
import type { DbError } from "./Db"

/**
 * Call after the first `reload`. Returns the effect to run before each read: it reloads
 * when the fingerprint moved since the copy was last built.
 */
export const followTable = <E, R>(
  fingerprint: Effect.Effect<string, DbError>,
  reload: Effect.Effect<void, E, R>
) =>
  Effect.gen(function* () {
    let seen = yield* fingerprint
    return Effect.gen(function* () {
      const now = yield* fingerprint
      if (now === seen) return
      yield* reload
      seen = now
    })
  })
