/**
 * @module The control panel's list, kept per (viewer's tenants, filters) and shared by
 * concurrent readers: fifty people opening 控制面板 must not mean fifty reads of every
 * instance. A kept list is checked at most once a second against a fingerprint of the
 * instances and their bindings (one small query, shared by every list): unchanged, it is
 * kept on; changed, the next reader computes it afresh. So another replica's change shows
 * within the second, while a quiet second costs one small query instead of a recompute of
 * every list (on the embedded database, a recompute holds the one thread every other
 * request waits for). This replica's own changes drop the lists at once. Each Wharf keeps its
 * own (a service, not module state: two in one process, as in the suites, share nothing).
 */
import { deepFreeze } from "@wharf/core"
import { Context, Effect, Exit, Layer } from "effect"

const CHECK_MS = 1000
/** Past this many different filters at once, start over rather than grow. */
const MAX_KEPT = 200

interface Kept {
  checkedAt: number
  /** The instances' fingerprint, read just before the answer was computed: undefined until
   * read, null if reading it failed (then the answer is not kept past the second). */
  fingerprint: string | null | undefined
  answer: Promise<Exit.Exit<unknown, unknown>>
}

/** A Wharf's kept lists. */
export const makeKeptLists = () => {
  const kept = new Map<string, Kept>()
  /** The latest fingerprint read, shared by the lists checked within the same second. */
  let latest: { at: number; fingerprint: Promise<string | null> } | undefined

  /** The fingerprint now: the one read within the last second, or a new read (one for everyone). */
  const currentFingerprint = <E, R>(fingerprint: Effect.Effect<string, E, R>) =>
    Effect.gen(function* () {
      if (!latest || Date.now() - latest.at >= CHECK_MS) {
        const context = yield* Effect.context<R>()
        latest = {
          at: Date.now(),
          fingerprint: Effect.runPromiseWith(context)(Effect.orElseSucceed(fingerprint, () => null))
        }
      }
      const read = latest.fingerprint
      return yield* Effect.promise(() => read)
    })

  /** Whether `entry` still answers: checked within the second, or its fingerprint unchanged. */
  const stillAnswers = <E, R>(entry: Kept, fingerprint: Effect.Effect<string, E, R>) =>
    Effect.gen(function* () {
      // Checked within the second, or still being computed.
      if (Date.now() - entry.checkedAt < CHECK_MS || entry.fingerprint === undefined) return true
      const now = yield* currentFingerprint(fingerprint)
      if (now === null || entry.fingerprint === null || now !== entry.fingerprint) return false
      entry.checkedAt = Date.now()
      return true
    })

  return {
    /** Something changed here: the next reader computes afresh. */
    forget: () => {
      kept.clear()
      latest = undefined
    },
    /**
     * `compute`'s answer for `key`, shared with every reader while `fingerprint` (of what the
     * answer is made from) stays the same; failures are not kept.
     */
    keptFor: <A, E, R, E2, R2>(
      key: string,
      compute: Effect.Effect<A, E, R>,
      fingerprint: Effect.Effect<string, E2, R2>
    ) =>
      Effect.gen(function* () {
        let entry = kept.get(key)
        if (entry && !(yield* stillAnswers(entry, fingerprint))) {
          if (kept.get(key) === entry) kept.delete(key)
          entry = undefined
        }
        // Another reader may have started the computation while this one checked.
        entry ??= kept.get(key)
        if (!entry) {
          if (kept.size >= MAX_KEPT) kept.clear()
          const context = yield* Effect.context<R | R2>()
          const made: Kept = {
            checkedAt: Date.now(),
            fingerprint: undefined,
            answer: Promise.resolve(Exit.void)
          }
          made.answer = Effect.runPromiseExitWith(context)(
            Effect.gen(function* () {
              // Read before computing: a change made meanwhile shows at the next check.
              made.fingerprint = yield* Effect.orElseSucceed(fingerprint, () => null)
              return deepFreeze(yield* compute)
            })
          ) as Promise<Exit.Exit<unknown, unknown>>
          kept.set(key, made)
          void made.answer.then((exit) => {
            if (Exit.isFailure(exit) && kept.get(key) === made) kept.delete(key)
          })
          entry = made
        }
        const answer = entry.answer as Promise<Exit.Exit<A, E>>
        return yield* yield* Effect.promise(() => answer)
      })
  }
}

export class KeptLists extends Context.Service<KeptLists, ReturnType<typeof makeKeptLists>>()(
  "app-catalog/KeptLists"
) {
  static readonly layer = Layer.sync(KeptLists, makeKeptLists)
}
