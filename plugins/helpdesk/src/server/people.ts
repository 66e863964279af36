/**
 * @module The people the helpdesk mails and assigns: support staff, a group's members,
 * and each user's helpdesk preferences. Identity offers no lookup service yet, so these
 * read `identity.users` and `identity.memberships` directly — read-only, in this one file,
 * and helpdesk declares its dependency on identity.
 */
import { Db } from "@wharf/core"
import { Effect } from "effect"

export interface Person {
  readonly id: string
  readonly name: string
  readonly email: string
}

/** Enabled agents and admins, by name. */
export const listAgents = Effect.fn("People.agents")(function* () {
  const db = yield* Db
  return yield* db.query(
    (sql) => sql<Person[]>`
      select id, name, email from identity.users
      where not disabled and roles && array['agent', 'admin']::text[] order by name`
  )
})

export const findAgent = Effect.fn("People.agent")(function* (id: string) {
  const agents = yield* listAgents()
  return agents.find((a) => a.id === id) ?? null
})

export const findPerson = Effect.fn("People.find")(function* (id: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<Person[]>`select id, name, email from identity.users where id = ${id} and not disabled`
  )
  return row ?? null
})

/** Everyone sharing a group with `userId` (the escalation list for their tickets). */
export const groupmatesOf = Effect.fn("People.groupmates")(function* (userId: string) {
  const db = yield* Db
  return yield* db.query(
    (sql) => sql<Person[]>`
      select distinct u.id, u.name, u.email from identity.memberships mine
      join identity.memberships m on m.group_id = mine.group_id
      join identity.users u on u.id = m.user_id
      where mine.user_id = ${userId} and not u.disabled order by u.name`
  )
})

export interface Preferences {
  readonly emailNotifications: boolean
  readonly homeCount: number
}

export const preferencesOf = Effect.fn("People.preferences")(function* (userId: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ email_notifications: boolean; home_count: number }[]>`
      select email_notifications, home_count from helpdesk.preferences where user_id = ${userId}`
  )
  return {
    emailNotifications: row?.email_notifications ?? true,
    homeCount: row?.home_count ?? 5
  } as Preferences
})

export const setPreferences = Effect.fn("People.setPreferences")(function* (
  userId: string,
  input: { emailNotifications?: boolean | undefined; homeCount?: number | undefined }
) {
  const db = yield* Db
  const current = yield* preferencesOf(userId)
  const next = {
    emailNotifications: input.emailNotifications ?? current.emailNotifications,
    homeCount: input.homeCount ?? current.homeCount
  }
  yield* db.query(
    (sql) => sql`
      insert into helpdesk.preferences (user_id, email_notifications, home_count)
      values (${userId}, ${next.emailNotifications}, ${next.homeCount})
      on conflict (user_id) do update set email_notifications = excluded.email_notifications,
        home_count = excluded.home_count`
  )
  return next
})

/** For demo content: a user by email, a group by name. */
export const findPersonByEmail = Effect.fn("People.byEmail")(function* (email: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<Person[]>`select id, name, email from identity.users where lower(email) = lower(${email})`
  )
  return row ?? null
})

export const findGroupByName = Effect.fn("People.groupByName")(function* (name: string) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) =>
      sql<
        { id: string; name: string }[]
      >`select id, name from identity.groups where lower(name) = lower(${name})`
  )
  return row ?? null
})
