/**
 * @module Signing in and out, browser sessions and the sign-in rate limit. A session is a
 * random cookie value whose sha256 is the row id; every sign-in makes a new one (the old
 * cookie's session is deleted), so a session id planted before sign-in is worthless.
 */

import { Audit, Db, RateLimited, Unauthorized } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import { findUserByEmail, loadViewer } from "./accounts"
import { decoyHash, randomSecret, sha256, verifyPassword } from "./secrets"
import { forget } from "./sign-in-cache"

const { because } = identityReasons

export const SESSION_DAYS = 14
/** Failed attempts per email (any address) or per address (any email) in the window. */
export const MAX_FAILURES = 5
export const FAILURE_WINDOW_MINUTES = 15

const checkRateLimit = Effect.fn("Sessions.checkRateLimit")(function* (email: string, ip: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ by_email: string; by_ip: string; oldest: Date | null }[]>`
      select count(*) filter (where lower(email) = lower(${email})) as by_email,
             count(*) filter (where ip = ${ip}) as by_ip,
             min(at) as oldest
      from identity.sign_in_failures
      where at > now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})
        and (lower(email) = lower(${email}) or ip = ${ip})`
  )
  if (Number(row?.by_email ?? 0) >= MAX_FAILURES || Number(row?.by_ip ?? 0) >= MAX_FAILURES * 4) {
    const retryAfterSeconds = row?.oldest
      ? Math.max(1, Math.ceil((row.oldest.getTime() + FAILURE_WINDOW_MINUTES * 60_000 - Date.now()) / 1000))
      : FAILURE_WINDOW_MINUTES * 60
    return yield* new RateLimited({
      ...because("identity.tooManySignIns", { minutes: Math.ceil(retryAfterSeconds / 60) }),
      retryAfterSeconds
    })
  }
})

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
  yield* checkRateLimit(input.email, input.ip)
  const user = yield* findUserByEmail(input.email)
  const ok = yield* verifyPassword(user?.password_hash ?? (yield* decoyHash()), input.password)
  if (!user || !ok || user.disabled) {
    yield* db.query(
      (sql) => sql`insert into identity.sign_in_failures (email, ip) values (${input.email}, ${input.ip})`
    )
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
      yield* db.query(
        (sql) => sql`delete from identity.sign_in_failures where lower(email) = lower(${input.email})`
      )
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
