/** @module A database failure, as the caller sees it: the service is unavailable (503), not a bug report. */
import { Unavailable } from "@wharf/core"
import { Effect } from "effect"

export const dbDown = () => new Unavailable({ message: "The database did not answer" })

/** Turn a `DbError` into `Unavailable`, keeping every other failure as it is. */
export const noDb = Effect.mapError(<E extends { _tag: string }>(e: E) =>
  e._tag === "DbError" ? dbDown() : e
) as <A, E extends { _tag: string }, R>(
  self: Effect.Effect<A, E, R>
) => Effect.Effect<A, Exclude<E, { _tag: "DbError" }> | Unavailable, R>
