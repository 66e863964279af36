/**
 * @module The control panel's list, kept for a second per (viewer's tenants, filters) and
 * shared by concurrent readers: fifty people opening 控制面板 must not mean fifty reads of
 * every instance. This replica's changes (an install, a status change) drop it at once;
 * another replica's show within the second, and the live stream carries them meanwhile.
 */
import { deepFreeze } from "@wharf/core"
import { Effect, Exit } from "effect"

const TTL_MS = 1000
/** Past this many different filters at once, start over rather than grow. */
const MAX_KEPT = 200

const kept = new Map<string, { at: number; answer: Promise<Exit.Exit<unknown, unknown>> }>()

/** Something changed here: the next reader computes afresh. */
export const forgetLists = () => kept.clear()

/** `compute`'s answer for `key`, shared with every reader within the second; failures are not kept. */
export const keptFor = <A, E, R>(key: string, compute: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    let entry = kept.get(key)
    if (!entry || Date.now() - entry.at >= TTL_MS) {
      if (kept.size >= MAX_KEPT) kept.clear()
      const context = yield* Effect.context<R>()
      const made = {
        at: Date.now(),
        answer: Effect.runPromiseExitWith(context)(Effect.map(compute, deepFreeze)) as Promise<
          Exit.Exit<unknown, unknown>
        >
      }
      kept.set(key, made)
      void made.answer.then((exit) => {
        if (Exit.isFailure(exit) && kept.get(key) === made) kept.delete(key)
      })
      entry = made
    }
    const answer = entry.answer as Promise<Exit.Exit<A, E>>
    return yield* yield* Effect.promise(() => answer)
  })
