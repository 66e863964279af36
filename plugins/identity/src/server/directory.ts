/**
 * @module Identity's implementation of the `Directory` other plugins look people up with.
 * Read-only; every query is one indexed statement.
 */
import { Db, type Locale, type Role } from "@wharf/core"
import { Effect, Layer } from "effect"
import {
  Directory,
  type DirectoryGroup,
  type DirectoryQuery,
  type DirectoryUser,
  type MemberRole,
  type UserQuery
} from "../shared/directory"

interface UserRow {
  id: string
  email: string
  name: string
  locale: Locale
  roles: Role[]
  disabled: boolean
}
interface GroupRow {
  id: string
  name: string
  description: string
}

const toUser = (r: UserRow): DirectoryUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  locale: r.locale,
  roles: r.roles,
  disabled: r.disabled
})
const toGroup = (r: GroupRow): DirectoryGroup => ({ id: r.id, name: r.name, description: r.description })

/** `%search%` for ilike, with the user's own `%`, `_` and `\` taken literally. */
export const patternOf = (search: string | undefined) =>
  `%${(search ?? "").trim().replace(/[%_\\]/g, "\\$&")}%`
/** Lookups are internal calls, but a page is still a page. */
const pageOf = (q: DirectoryQuery) => ({
  limit: Math.max(0, Math.min(1000, Math.trunc(q.limit))),
  offset: Math.max(0, Math.trunc(q.offset ?? 0))
})
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)

export const directoryLayer = Layer.effect(
  Directory,
  Effect.gen(function* () {
    const db = yield* Db
    const usersWhere = (ids: ReadonlyArray<string>) =>
      db.query(
        (sql) => sql<UserRow[]>`select id, email, name, locale, roles, disabled from identity.users
          where id = any(${ids.filter(isUuid)}::uuid[])`
      )
    const groupsWhere = (ids: ReadonlyArray<string>) =>
      db.query(
        (sql) => sql<GroupRow[]>`select id, name, description from identity.groups
          where id = any(${ids.filter(isUuid)}::uuid[])`
      )
    const searchUsers = (q: UserQuery) =>
      Effect.gen(function* () {
        const { limit, offset } = pageOf(q)
        const pattern = patternOf(q.search)
        const roles = q.roles ? [...q.roles] : null
        const rows = yield* db.query(
          (sql) => sql<(UserRow & { total: string })[]>`
            select id, email, name, locale, roles, disabled, count(*) over () as total from identity.users
            where (email ilike ${pattern} or name ilike ${pattern})
              and (${q.includeDisabled ?? false} or not disabled)
              and (${roles}::text[] is null or roles && ${roles}::text[])
            order by name, email limit ${limit} offset ${offset}`
        )
        return { items: rows.map(toUser), total: Number(rows[0]?.total ?? 0) }
      })
    const searchGroups = (q: DirectoryQuery) =>
      Effect.gen(function* () {
        const { limit, offset } = pageOf(q)
        const pattern = patternOf(q.search)
        const rows = yield* db.query(
          (sql) => sql<(GroupRow & { total: string })[]>`
            select id, name, description, count(*) over () as total from identity.groups
            where name ilike ${pattern} or description ilike ${pattern}
            order by name limit ${limit} offset ${offset}`
        )
        return { items: rows.map(toGroup), total: Number(rows[0]?.total ?? 0) }
      })
    const membersOf = (groupId: string, q: DirectoryQuery & { includeDisabled?: boolean | undefined }) =>
      Effect.gen(function* () {
        if (!isUuid(groupId)) return { items: [], total: 0 }
        const { limit, offset } = pageOf(q)
        const pattern = patternOf(q.search)
        const rows = yield* db.query(
          (sql) => sql<(UserRow & { member_role: MemberRole; total: string })[]>`
            select u.id, u.email, u.name, u.locale, u.roles, u.disabled, m.role as member_role,
              count(*) over () as total
            from identity.memberships m join identity.users u on u.id = m.user_id
            where m.group_id = ${groupId} and (u.email ilike ${pattern} or u.name ilike ${pattern})
              and (${q.includeDisabled ?? false} or not u.disabled)
            order by u.email limit ${limit} offset ${offset}`
        )
        return {
          items: rows.map((r) => ({ user: toUser(r), role: r.member_role })),
          total: Number(rows[0]?.total ?? 0)
        }
      })
    return Directory.of({
      userById: (id) => Effect.map(usersWhere([id]), (rows) => (rows[0] ? toUser(rows[0]) : null)),
      usersByIds: (ids) => Effect.map(usersWhere(ids), (rows) => rows.map(toUser)),
      userByEmail: (email) =>
        Effect.map(
          db.query(
            (sql) => sql<UserRow[]>`select id, email, name, locale, roles, disabled from identity.users
              where lower(email) = lower(${email.trim()})`
          ),
          (rows) => (rows[0] ? toUser(rows[0]) : null)
        ),
      groupById: (id) => Effect.map(groupsWhere([id]), (rows) => (rows[0] ? toGroup(rows[0]) : null)),
      groupsByIds: (ids) => Effect.map(groupsWhere(ids), (rows) => rows.map(toGroup)),
      groupByName: (name) =>
        Effect.map(
          db.query(
            (sql) => sql<GroupRow[]>`select id, name, description from identity.groups
              where lower(name) = lower(${name.trim()})`
          ),
          (rows) => (rows[0] ? toGroup(rows[0]) : null)
        ),
      membershipsOf: (userId) =>
        isUuid(userId)
          ? Effect.map(
              db.query(
                (sql) => sql<(GroupRow & { role: MemberRole })[]>`
                  select g.id, g.name, g.description, m.role from identity.memberships m
                  join identity.groups g on g.id = m.group_id where m.user_id = ${userId} order by g.name`
              ),
              (rows) => rows.map((r) => ({ group: toGroup(r), role: r.role }))
            )
          : Effect.succeed([]),
      membersOf,
      searchUsers,
      searchGroups
    })
  })
)
