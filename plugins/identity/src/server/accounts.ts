/**
 * @module Users: create, list, update, and load the viewer (user, roles, groups) that
 * every authorization check reads.
 */

import { conflictOnDuplicate, Db, type Locale, NotFound, type Role, type Viewer } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import type { UserSummary } from "../shared/types"
import { hashPassword } from "./secrets"
import { forget } from "./sign-in-cache"

const { because } = identityReasons

interface UserRow {
  id: string
  email: string
  name: string
  locale: Locale
  roles: Role[]
  disabled: boolean
  created_at: Date
}

const groupsOf = (userIds: ReadonlyArray<string>) =>
  Db.use((db) =>
    db.query(
      (sql) => sql<{ user_id: string; id: string; name: string; role: "member" | "admin" }[]>`
        select m.user_id, g.id, g.name, m.role from identity.memberships m
        join identity.groups g on g.id = m.group_id
        where m.user_id = any(${userIds as string[]}::uuid[]) order by g.name`
    )
  )

/** The viewer for a user id, or null if the user is unknown or disabled. */
export const loadViewer = Effect.fn("Accounts.loadViewer")(function* (userId: string) {
  const db = yield* Db
  const [user] = yield* db.query(
    (sql) =>
      sql<
        UserRow[]
      >`select id, email, name, locale, roles, disabled, created_at from identity.users where id = ${userId}`
  )
  if (!user || user.disabled) return null
  const groups = yield* groupsOf([user.id])
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    roles: user.roles,
    groups: groups.map((g) => ({ id: g.id, name: g.name, role: g.role }))
  } satisfies Viewer
})

const toSummary = (
  u: UserRow,
  groups: ReadonlyArray<{ user_id: string; id: string; name: string; role: "member" | "admin" }>
): UserSummary => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale,
  roles: u.roles,
  disabled: u.disabled,
  createdAt: u.created_at.toISOString(),
  groups: groups.filter((g) => g.user_id === u.id).map((g) => ({ id: g.id, name: g.name, role: g.role }))
})

export const createUser = Effect.fn("Accounts.createUser")(function* (input: {
  email: string
  name: string
  password: string
  roles: ReadonlyArray<Role>
  locale?: Locale | undefined
}) {
  const db = yield* Db
  const passwordHash = yield* hashPassword(input.password)
  const rows = yield* db
    .query(
      (sql) => sql<UserRow[]>`insert into identity.users (email, name, password_hash, roles, locale)
        values (${input.email.trim()}, ${input.name.trim()}, ${passwordHash}, ${[...new Set(input.roles)]}, ${input.locale ?? "zh-CN"})
        returning id, email, name, locale, roles, disabled, created_at`
    )
    .pipe(conflictOnDuplicate(`A user with email ${input.email} already exists`))
  return toSummary(rows[0]!, [])
})

export const listUsers = Effect.fn("Accounts.listUsers")(function* (input: {
  search?: string | undefined
  limit: number
  offset: number
}) {
  const db = yield* Db
  const pattern = `%${(input.search ?? "").trim().replace(/[%_\\]/g, "\\$&")}%`
  const rows = yield* db.query(
    (sql) => sql<(UserRow & { total: string })[]>`
      select id, email, name, locale, roles, disabled, created_at, count(*) over () as total
      from identity.users where email ilike ${pattern} or name ilike ${pattern}
      order by created_at, email limit ${input.limit} offset ${input.offset}`
  )
  const groups = yield* groupsOf(rows.map((r) => r.id))
  return { items: rows.map((r) => toSummary(r, groups)), total: Number(rows[0]?.total ?? 0) }
})

export const updateUser = Effect.fn("Accounts.updateUser")(function* (input: {
  id: string
  name?: string | undefined
  roles?: ReadonlyArray<Role> | undefined
  disabled?: boolean | undefined
}) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<UserRow[]>`update identity.users set
        name = coalesce(${input.name?.trim() ?? null}, name),
        roles = coalesce(${input.roles ? [...new Set(input.roles)] : null}::text[], roles),
        disabled = coalesce(${input.disabled ?? null}::boolean, disabled),
        updated_at = now()
      where id = ${input.id} returning id, email, name, locale, roles, disabled, created_at`
  )
  const user = rows[0]
  if (!user) return yield* new NotFound(because("identity.noSuchUser"))
  // A disabled user is signed out everywhere at once.
  if (user.disabled) yield* db.query((sql) => sql`delete from identity.sessions where user_id = ${user.id}`)
  yield* forget({ user: user.id })
  return toSummary(user, yield* groupsOf([user.id]))
})

export const setLocale = Effect.fn("Accounts.setLocale")(function* (userId: string, locale: Locale) {
  const db = yield* Db
  yield* db.query(
    (sql) => sql`update identity.users set locale = ${locale}, updated_at = now() where id = ${userId}`
  )
  yield* forget({ user: userId })
})

export const findUserByEmail = Effect.fn("Accounts.findUserByEmail")(function* (email: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ id: string; password_hash: string; disabled: boolean }[]>`
      select id, password_hash, disabled from identity.users where lower(email) = lower(${email.trim()})`
  )
  return row ?? null
})

export const countUsers = Effect.fn("Accounts.countUsers")(function* () {
  const db = yield* Db
  const [row] = yield* db.query((sql) => sql<{ n: string }[]>`select count(*) as n from identity.users`)
  return Number(row?.n ?? 0)
})
