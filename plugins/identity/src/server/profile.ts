/**
 * @module A user's own profile: name and password. A password change is a guess at the
 * current one (counted like a sign-in) and, once made, ends every other session of the
 * user: whoever knew the old password is signed out. API tokens are revoked on request.
 */

import { Db, Invalid } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import { guessWasRight, reserveGuess } from "./guesses"
import { hashPassword, sha256, verifyPassword } from "./secrets"
import { forget } from "./sign-in-cache"

const { because } = identityReasons

export const updateProfile = Effect.fn("Profile.update")(function* (userId: string, name: string) {
  const db = yield* Db
  yield* db.query(
    (sql) => sql`update identity.users set name = ${name.trim()}, updated_at = now() where id = ${userId}`
  )
  yield* forget({ user: userId })
})

export const changePassword = Effect.fn("Profile.changePassword")(function* (
  userId: string,
  input: { currentPassword: string; newPassword: string; revokeTokens?: boolean | undefined },
  client: { ip: string; sessionCookie: string | undefined }
) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ password_hash: string; email: string }[]>`
      select password_hash, email from identity.users where id = ${userId}`
  )
  // A viewer always has a row; without one the answer is the same as for a wrong password.
  const guess = row ? yield* reserveGuess(row.email, client.ip) : null
  if (!row || !guess || !(yield* verifyPassword(row.password_hash, input.currentPassword))) {
    const wrong = because("identity.wrongCurrentPassword")
    return yield* new Invalid({
      ...wrong,
      message: `currentPassword: ${wrong.message}`,
      issues: [{ path: "currentPassword", ...wrong }]
    })
  }
  const passwordHash = yield* hashPassword(input.newPassword)
  const keep = client.sessionCookie ? sha256(client.sessionCookie) : ""
  const ended = yield* db.transaction(
    Effect.gen(function* () {
      yield* db.query(
        (sql) =>
          sql`update identity.users set password_hash = ${passwordHash}, updated_at = now() where id = ${userId}`
      )
      yield* guessWasRight(row.email, client.ip, guess)
      const sessions = yield* db.query(
        (sql) => sql`delete from identity.sessions where user_id = ${userId} and id <> ${keep} returning id`
      )
      const tokens = input.revokeTokens
        ? yield* db.query(
            (sql) => sql`update identity.api_tokens set revoked_at = now()
              where user_id = ${userId} and revoked_at is null returning id`
          )
        : []
      return { endedSessions: sessions.length, revokedTokens: tokens.length }
    })
  )
  yield* forget({ user: userId })
  return ended
})
