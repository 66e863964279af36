/**
 * @module API tokens for the CLI and REST clients: shown once at creation, stored hashed,
 * revocable. A token acts as its user, with the user's current roles.
 */
import { Db, NotFound } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import type { ApiTokenSummary } from "../shared/types"
import { randomSecret, sha256, TOKEN_PREFIX } from "./secrets"

const { because } = identityReasons

export const createToken = Effect.fn("ApiTokens.create")(function* (userId: string, name: string) {
  const db = yield* Db
  const token = `${TOKEN_PREFIX}${randomSecret()}`
  const [row] = yield* db.query(
    (sql) => sql<{ id: string }[]>`insert into identity.api_tokens (user_id, name, token_hash, prefix)
      values (${userId}, ${name.trim()}, ${sha256(token)}, ${token.slice(0, TOKEN_PREFIX.length + 4)}) returning id`
  )
  return { id: row!.id, name: name.trim(), token }
})

export const listTokens = Effect.fn("ApiTokens.list")(function* (userId: string) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<{ id: string; name: string; prefix: string; created_at: Date; last_used_at: Date | null }[]>`
      select id, name, prefix, created_at, last_used_at from identity.api_tokens
      where user_id = ${userId} and revoked_at is null order by created_at desc`
  )
  return rows.map(
    (r): ApiTokenSummary => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      createdAt: r.created_at.toISOString(),
      lastUsedAt: r.last_used_at?.toISOString() ?? null
    })
  )
})

export const revokeToken = Effect.fn("ApiTokens.revoke")(function* (userId: string, id: string) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql`update identity.api_tokens set revoked_at = now()
      where id = ${id} and user_id = ${userId} and revoked_at is null returning id`
  )
  if (rows.length === 0) return yield* new NotFound(because("identity.noSuchToken"))
})

/** The user behind a bearer token, if it is valid and not revoked. */
export const tokenOwner = Effect.fn("ApiTokens.owner")(function* (token: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ user_id: string }[]>`update identity.api_tokens set last_used_at = now()
      where token_hash = ${sha256(token)} and revoked_at is null returning user_id`
  )
  return row?.user_id ?? null
})
