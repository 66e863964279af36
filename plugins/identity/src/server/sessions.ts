/**
 * @module Signing in and out, browser sessions and the sign-in rate limit. A session is a
 * random cookie value whose sha256 is the row id; every sign-in makes a new one (the old
 * cookie's session is deleted), so a session id planted before sign-in is worthless.
 * Every attempt is a counted guess (see guesses.ts) before the password is checked.
 */
import { Audit, Db, Unauthorized } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import { findUserByEmail, loadViewer } from "./accounts"
import { guessWasRight, reserveGuess } from "./guesses"
import { decoyHash, randomSecret, sha256, verifyPassword } from "./secrets"
import { forget } from "./sign-in-cache"

const { because } = identityReasons

const SESSION_DAYS = 14

export interface NewSession {
  readonly cookie: string
  readonly csrfToken: string
  readonly expiresAt: Date
}

export const signIn = Effect.fn("Sessions.signIn")(function* (input: {
  email: string
  password: string
  ip: string
  userAgent: string
  previousCookie?: string | undefined
}) {
  const db = yield* Db
  const audit = yield* Audit
  const guess = yield* reserveGuess(input.email, input.ip)
  const user = yield* findUserByEmail(input.email)
  const ok = yield* verifyPassword(user?.password_hash ?? (yield* decoyHash()), input.password)
  if (!user || !ok || user.disabled) {
    yield* audit.record({ action: "identity.signIn.failed", target: input.email, ip: input.ip, actor: null })
    return yield* new Unauthorized(because("identity.wrongCredentials"))
  }
  const viewer = (yield* loadViewer(user.id))!
  const cookie = randomSecret()
  const csrfToken = randomSecret(24)
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000)
  yield* db.transaction(
    Effect.gen(function* () {
      if (input.previousCookie) {
        yield* db.query(
          (sql) => sql`delete from identity.sessions where id = ${sha256(input.previousCookie!)}`
        )
      }
      yield* db.query(
        (sql) => sql`insert into identity.sessions (id, user_id, csrf_token, expires_at, ip, user_agent)
          values (${sha256(cookie)}, ${user.id}, ${csrfToken}, ${expiresAt}, ${input.ip}, ${input.userAgent.slice(0, 300)})`
      )
      yield* guessWasRight(input.email, input.ip, guess)
    })
  )
  if (input.previousCookie) yield* forget({ session: sha256(input.previousCookie!) })
  yield* audit.record({ action: "identity.signIn", target: viewer.email, ip: input.ip, actor: viewer })
  return { viewer, session: { cookie, csrfToken, expiresAt } satisfies NewSession }
})

export const signOut = Effect.fn("Sessions.signOut")(function* (cookie: string | undefined) {
  if (!cookie) return
  const db = yield* Db
  yield* db.query((sql) => sql`delete from identity.sessions where id = ${sha256(cookie)}`)
  yield* forget({ session: sha256(cookie) })
})

/** The session behind a cookie, if it exists and has not expired; refreshes `last_seen_at`. */
export const sessionOf = Effect.fn("Sessions.sessionOf")(function* (cookie: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ user_id: string; csrf_token: string; last_seen_at: Date; expires_at: Date }[]>`
      select user_id, csrf_token, last_seen_at, expires_at from identity.sessions
      where id = ${sha256(cookie)} and expires_at > now()`
  )
  if (!row) return null
  // Writing on every request would turn reads into writes; once a minute is enough.
  if (Date.now() - row.last_seen_at.getTime() > 60_000) {
    yield* db.query(
      (sql) => sql`update identity.sessions set last_seen_at = now() where id = ${sha256(cookie)}`
    )
  }
  return { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
})

/** Scheduled: forget expired sessions and old sign-in failures. */
export const pruneSessions = Effect.gen(function* () {
  const db = yield* Db
  yield* db.query((sql) => sql`delete from identity.sessions where expires_at < now()`)
  yield* db.query((sql) => sql`delete from identity.sign_in_failures where at < now() - interval '1 day'`)
})
