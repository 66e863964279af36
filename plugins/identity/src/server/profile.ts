/**
 * @module A user's own profile: name and password.
 */

import { Db, Invalid } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import { hashPassword, verifyPassword } from "./secrets"
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
  input: { currentPassword: string; newPassword: string }
) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ password_hash: string }[]>`select password_hash from identity.users where id = ${userId}`
  )
  if (!row || !(yield* verifyPassword(row.password_hash, input.currentPassword))) {
    const wrong = because("identity.wrongCurrentPassword")
    return yield* new Invalid({
      ...wrong,
      message: `currentPassword: ${wrong.message}`,
      issues: [{ path: "currentPassword", ...wrong }]
    })
  }
  const passwordHash = yield* hashPassword(input.newPassword)
  yield* db.query(
    (sql) =>
      sql`update identity.users set password_hash = ${passwordHash}, updated_at = now() where id = ${userId}`
  )
})
