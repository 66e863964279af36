/**
 * @module Creates a client may retry: REST takes an `Idempotency-Key` header, tRPC an
 * `idempotencyKey` field (`IdempotencyKey` in `schemas.ts`). The create writes the key in its
 * own transaction with what a retry needs (`remember`), so a retry after a lost answer finds
 * it exactly when the first attempt committed, and answers from it (`replay`) without
 * writing again. The same key with another request is refused. Two attempts racing with one
 * key: the second waits for the first's commit, rolls back and answers as a retry.
 */
import { createHash } from "node:crypto"
import { Data, Effect } from "effect"
import { Db, type DbError } from "./db/Db"
import { Conflict, Invalid } from "./errors"
import type { JobDefinition } from "./plugin"
import { IDEMPOTENCY_KEY_MAX } from "./schemas"

export interface IdempotentCreate {
  /** What is created, e.g. `helpdesk.ticket`: a key names one create of each kind. */
  readonly scope: string
  /** Whose key: `user:<id>`, or what a guest proves (`guest:<address>`). */
  readonly owner: string
  /** The client's key; without one the create simply runs. */
  readonly key: string | undefined
  /** The request as decoded, the key left out: a retry must repeat it. */
  readonly request: unknown
}

/** Another attempt with the same key committed first; `idempotent` answers it as a retry. */
export class IdempotencyKeyTaken extends Data.TaggedError("IdempotencyKeyTaken")<{}> {}

/** Records the key with `answer` (JSON): call it inside the create's transaction. */
export type Remember<T> = (answer: T) => Effect.Effect<void, DbError | IdempotencyKeyTaken>

/** A retry is recognised for a day; after that the key may name a new create. */
const KEPT = "1 day"

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  )

const hashOf = (request: unknown) => createHash("sha256").update(canonical(request)).digest("hex")

const badKey = () => {
  const message = `must be 1 to ${IDEMPOTENCY_KEY_MAX} characters`
  return new Invalid({
    message: `Idempotency-Key: ${message}`,
    reason: "core.idempotencyKeyForm",
    params: { max: IDEMPOTENCY_KEY_MAX },
    issues: [{ path: "Idempotency-Key", message }]
  })
}

const keyReused = () =>
  new Conflict({
    message:
      "This Idempotency-Key was already used for a different request; send a new key with a new request",
    reason: "core.idempotencyKeyReused"
  })

/**
 * Run `create` at most once per key: `create` gets `remember`, to call in its transaction
 * with what `replay` needs to answer a retry (the new row's id, or the answer itself).
 */
export const idempotent = <A, E, R, T, E2 = never, R2 = never>(
  request: IdempotentCreate,
  create: (remember: Remember<T>) => Effect.Effect<A, E, R>,
  replay: (answer: T) => Effect.Effect<A, E2, R2>
): Effect.Effect<A, Exclude<E, IdempotencyKeyTaken> | E2 | Invalid | Conflict | DbError, R | R2 | Db> => {
  const { owner, scope, key } = request
  if (key === undefined)
    return create(() => Effect.void) as Effect.Effect<A, Exclude<E, IdempotencyKeyTaken>, R>
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX) return Effect.fail(badKey())
  const hash = hashOf(request.request)
  return Effect.gen(function* () {
    const db = yield* Db
    /** The answer of the attempt that committed with this key, if one did. */
    const earlier: Effect.Effect<A | undefined, E2 | Conflict | DbError, R2> = Effect.gen(function* () {
      const [row] = yield* db.query(
        (sql) => sql<{ request_hash: string; answer: T }[]>`
          select request_hash, answer from wharf.idempotency_keys
          where owner = ${owner} and scope = ${scope} and key = ${key}
            and created_at > now() - ${KEPT}::interval`
      )
      if (!row) return undefined
      if (row.request_hash !== hash) return yield* keyReused()
      return yield* replay(row.answer)
    })
    const found = yield* earlier
    if (found !== undefined) return found
    const remember: Remember<T> = (answer) =>
      Effect.flatMap(
        db.query(
          (sql) => sql`
            insert into wharf.idempotency_keys (owner, scope, key, request_hash, answer)
            values (${owner}, ${scope}, ${key}, ${hash}, ${sql.json(answer as never)})
            on conflict (owner, scope, key) do update
              set request_hash = excluded.request_hash, answer = excluded.answer, created_at = now()
              where wharf.idempotency_keys.created_at <= now() - ${KEPT}::interval
            returning 1`
        ),
        (rows) => (rows.length === 0 ? Effect.fail(new IdempotencyKeyTaken()) : Effect.void)
      )
    return yield* create(remember).pipe(
      Effect.catch(
        (e): Effect.Effect<A, Exclude<E, IdempotencyKeyTaken> | E2 | Conflict | DbError, R2> =>
          e instanceof IdempotencyKeyTaken
            ? Effect.flatMap(earlier, (won) =>
                won !== undefined ? Effect.succeed(won) : Effect.fail(keyReused())
              )
            : Effect.fail(e as Exclude<E, IdempotencyKeyTaken>)
      )
    )
  })
}

/** Keys past their day are forgotten, so the table holds about a day of creates. */
export const forgetIdempotencyKeysJob: JobDefinition = {
  id: "wharf.idempotency-keys-forget",
  schedule: { every: "1 hour" },
  run: Db.use((db) =>
    db.query((sql) => sql`delete from wharf.idempotency_keys where created_at <= now() - ${KEPT}::interval`)
  )
}
