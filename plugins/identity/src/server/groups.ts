/**
 * @module Groups (leasees): a group is a tenant of its own; members use its namespace.
 * Platform admins create, rename and delete groups; a group's admins manage its members
 * (list, add, remove, change roles) with the platform admins (`requireGroupManager`).
 */

import { Conflict, conflictOnDuplicate, Db, Forbidden, hasRole, NotFound, requireViewer } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import type { GroupCandidate, GroupMember, GroupSummary } from "../shared/types"
import { patternOf } from "./directory"
import { forget } from "./sign-in-cache"

const { because } = identityReasons

const uniqueName = (name: string | undefined) => conflictOnDuplicate(`A group named ${name} already exists`)

interface GroupRow {
  id: string
  name: string
  description: string
  created_at: Date
  member_count: string
}
const toSummary = (r: GroupRow): GroupSummary => ({
  id: r.id,
  name: r.name,
  description: r.description,
  memberCount: Number(r.member_count),
  createdAt: r.created_at.toISOString()
})

/**
 * The viewer may manage `groupId`'s members: a platform admin, or an admin of that group.
 * A member who is not its admin is refused; to anyone else the group is absent, like
 * another tenant's data.
 */
export const requireGroupManager = Effect.fn("Groups.requireManager")(function* (groupId: string) {
  const viewer = yield* requireViewer
  if (hasRole(viewer, "admin")) return viewer
  const membership = viewer.groups.find((g) => g.id === groupId)
  if (membership?.role === "admin") return viewer
  if (membership) return yield* new Forbidden(because("identity.groupAdminOnly"))
  return yield* new NotFound(because("identity.noSuchGroup"))
})

export const listGroups = Effect.fn("Groups.list")(function* (input: {
  search?: string | undefined
  limit: number
  offset: number
}) {
  const db = yield* Db
  const pattern = patternOf(input.search)
  const rows = yield* db.query(
    (sql) => sql<(GroupRow & { total: string })[]>`
      select g.id, g.name, g.description, g.created_at,
        (select count(*) from identity.memberships m where m.group_id = g.id) as member_count,
        count(*) over () as total
      from identity.groups g where g.name ilike ${pattern} or g.description ilike ${pattern}
      order by g.name limit ${input.limit} offset ${input.offset}`
  )
  return { items: rows.map(toSummary), total: Number(rows[0]?.total ?? 0) }
})

export const createGroup = Effect.fn("Groups.create")(function* (input: {
  name: string
  description: string
}) {
  const db = yield* Db
  const [row] = yield* db
    .query(
      (sql) => sql<
        GroupRow[]
      >`insert into identity.groups (name, description) values (${input.name}, ${input.description.trim()})
        returning id, name, description, created_at, 0 as member_count`
    )
    .pipe(uniqueName(input.name))
  return toSummary(row!)
})

export const updateGroup = Effect.fn("Groups.update")(function* (input: {
  id: string
  name?: string | undefined
  description?: string | undefined
}) {
  const db = yield* Db
  const [row] = yield* db
    .query(
      (sql) => sql<GroupRow[]>`update identity.groups set name = coalesce(${input.name ?? null}, name),
          description = coalesce(${input.description?.trim() ?? null}, description)
        where id = ${input.id}
        returning id, name, description, created_at, (select count(*) from identity.memberships m where m.group_id = id) as member_count`
    )
    .pipe(uniqueName(input.name))
  if (!row) return yield* new NotFound(because("identity.noSuchGroup"))
  // Every member's viewer carries the group's name.
  yield* forget("everything")
  return toSummary(row)
})

export const deleteGroup = Effect.fn("Groups.delete")(function* (id: string) {
  const db = yield* Db
  const rows = yield* db.query((sql) => sql`delete from identity.groups where id = ${id} returning id`)
  if (rows.length === 0) return yield* new NotFound(because("identity.noSuchGroup"))
  yield* forget("everything")
})

export const listMembers = Effect.fn("Groups.members")(function* (groupId: string) {
  const db = yield* Db
  const [group] = yield* db.query((sql) => sql`select 1 from identity.groups where id = ${groupId}`)
  if (!group) return yield* new NotFound(because("identity.noSuchGroup"))
  const rows = yield* db.query(
    (sql) => sql<{ user_id: string; email: string; name: string; role: "member" | "admin" }[]>`
      select u.id as user_id, u.email, u.name, m.role from identity.memberships m
      join identity.users u on u.id = m.user_id where m.group_id = ${groupId} order by u.email`
  )
  return rows.map((r): GroupMember => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role }))
})

/** How many people a lookup offers: enough to pick from, too few to page through the directory. */
const LOOKUP_LIMIT = 8

/**
 * People a group's manager may add: enabled users, not yet members, a few at a time. A
 * platform admin finds them by any part of a name or email; a group's own admin only by a
 * whole email, as an invitation: other tenants' people are not theirs to browse (a search
 * for "a", "b", … would otherwise list every user of the platform, eight at a time).
 */
export const lookupCandidates = Effect.fn("Groups.lookup")(function* (groupId: string, search: string) {
  const db = yield* Db
  const browse = hasRole(yield* requireViewer, "admin")
  const pattern = patternOf(search)
  const email = search.trim()
  const rows = yield* db.query(
    (sql) => sql<{ id: string; email: string; name: string }[]>`
      select u.id, u.email, u.name from identity.users u
      where not u.disabled
        and ${browse ? sql`(u.email ilike ${pattern} or u.name ilike ${pattern})` : sql`lower(u.email) = lower(${email})`}
        and not exists (select 1 from identity.memberships m where m.group_id = ${groupId} and m.user_id = u.id)
      order by u.name, u.email limit ${LOOKUP_LIMIT}`
  )
  return rows.map((r): GroupCandidate => ({ userId: r.id, email: r.email, name: r.name }))
})

export const addMember = Effect.fn("Groups.addMember")(function* (input: {
  groupId: string
  email: string
  role: "member" | "admin"
}) {
  const db = yield* Db
  const [user] = yield* db.query(
    (sql) =>
      sql<{ id: string }[]>`select id from identity.users where lower(email) = lower(${input.email.trim()})`
  )
  if (!user) return yield* new NotFound(because("identity.noUserWithEmail", { email: input.email }))
  const [group] = yield* db.query((sql) => sql`select 1 from identity.groups where id = ${input.groupId}`)
  if (!group) return yield* new NotFound(because("identity.noSuchGroup"))
  const rows = yield* db.query(
    (
      sql
    ) => sql`insert into identity.memberships (group_id, user_id, role) values (${input.groupId}, ${user.id}, ${input.role})
      on conflict do nothing returning user_id`
  )
  if (rows.length === 0) return yield* new Conflict(because("identity.alreadyMember", { email: input.email }))
  yield* forget({ user: user.id })
  return { userId: user.id }
})

export const removeMember = Effect.fn("Groups.removeMember")(function* (groupId: string, userId: string) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) =>
      sql`delete from identity.memberships where group_id = ${groupId} and user_id = ${userId} returning user_id`
  )
  if (rows.length === 0) return yield* new NotFound(because("identity.notMember"))
  yield* forget({ user: userId })
})

export const setMemberRole = Effect.fn("Groups.setMemberRole")(function* (
  groupId: string,
  userId: string,
  role: "member" | "admin"
) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) =>
      sql`update identity.memberships set role = ${role} where group_id = ${groupId} and user_id = ${userId} returning user_id`
  )
  if (rows.length === 0) return yield* new NotFound(because("identity.notMember"))
  yield* forget({ user: userId })
})
