/**
 * @module Identity's users and groups, in the shape of identity's `Directory` service
 * (`@wharf/plugin-identity/shared`). Until that service is on main this reads identity's
 * tables (read only); swapping in `yield* Directory` changes only this file.
 */
import { Db, type DbError, type Locale, type Role } from "@wharf/core"
import { Effect } from "effect"

export interface DirectoryUser {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly locale: Locale
  readonly roles: ReadonlyArray<Role>
  readonly disabled: boolean
}
export interface DirectoryGroup {
  readonly id: string
  readonly name: string
  readonly description: string
}
export interface DirectoryMember {
  readonly user: DirectoryUser
  readonly role: "member" | "admin"
}
export interface DirectoryLike {
  readonly userById: (id: string) => Effect.Effect<DirectoryUser | null, DbError>
  readonly userByEmail: (email: string) => Effect.Effect<DirectoryUser | null, DbError>
  readonly groupById: (id: string) => Effect.Effect<DirectoryGroup | null, DbError>
  readonly groupByName: (name: string) => Effect.Effect<DirectoryGroup | null, DbError>
  readonly membersOf: (
    groupId: string,
    query: { search?: string | undefined; limit: number; offset?: number | undefined }
  ) => Effect.Effect<{ items: ReadonlyArray<DirectoryMember>; total: number }, DbError>
  readonly searchUsers: (query: {
    roles?: ReadonlyArray<Role>
    limit: number
  }) => Effect.Effect<{ items: ReadonlyArray<DirectoryUser>; total: number }, DbError>
}

interface UserRaw {
  id: string
  email: string
  name: string
  locale: Locale
  roles: Role[]
  disabled: boolean
}
const USER_COLUMNS = "id, email, name, locale, roles, disabled"

export const directory = Effect.gen(function* () {
  const db = yield* Db
  const one = <T>(rows: ReadonlyArray<T>) => rows[0] ?? null
  return {
    userById: (id) =>
      /^[0-9a-f-]{36}$/i.test(id)
        ? db
            .query(
              (sql) => sql<UserRaw[]>`select ${sql.unsafe(USER_COLUMNS)} from identity.users where id = ${id}`
            )
            .pipe(Effect.map(one))
        : Effect.succeed(null),
    userByEmail: (email) =>
      db
        .query(
          (sql) =>
            sql<
              UserRaw[]
            >`select ${sql.unsafe(USER_COLUMNS)} from identity.users where lower(email) = lower(${email})`
        )
        .pipe(Effect.map(one)),
    groupById: (id) =>
      /^[0-9a-f-]{36}$/i.test(id)
        ? db
            .query(
              (sql) =>
                sql<DirectoryGroup[]>`select id, name, description from identity.groups where id = ${id}`
            )
            .pipe(Effect.map(one))
        : Effect.succeed(null),
    groupByName: (name) =>
      db
        .query(
          (sql) =>
            sql<
              DirectoryGroup[]
            >`select id, name, description from identity.groups where lower(name) = lower(${name})`
        )
        .pipe(Effect.map(one)),
    membersOf: (groupId, query) =>
      db.query(async (sql) => {
        const pattern = `%${(query.search ?? "").replace(/[\\%_]/g, "\\$&")}%`
        const rows = await sql<(UserRaw & { role: "member" | "admin"; total: number })[]>`
            select u.id, u.email, u.name, u.locale, u.roles, u.disabled, m.role, count(*) over ()::int as total
            from identity.memberships m join identity.users u on u.id = m.user_id
            where m.group_id = ${groupId} and (u.email ilike ${pattern} or u.name ilike ${pattern})
            order by lower(u.email) limit ${query.limit} offset ${query.offset ?? 0}`
        return {
          items: rows.map(({ role, total: _, ...user }) => ({ user, role })),
          total: rows[0]?.total ?? 0
        }
      }),
    searchUsers: (query) =>
      db
        .query(
          (sql) => sql<UserRaw[]>`select ${sql.unsafe(USER_COLUMNS)} from identity.users
            where not disabled and roles && ${sql.array([...(query.roles ?? ["user"])])}::text[]
            order by lower(email) limit ${query.limit}`
        )
        .pipe(Effect.map((items) => ({ items, total: items.length })))
  } satisfies DirectoryLike
})
