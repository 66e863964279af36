/**
 * @module The people the helpdesk mails and assigns (support staff, a group's members),
 * looked up through identity's `Directory`, and each user's helpdesk preferences.
 */
import { Db } from "@wharf/core"
import { Directory, type DirectoryUser } from "@wharf/plugin-identity/shared"
import { Effect } from "effect"

export interface Person {
  readonly id: string
  readonly name: string
  readonly email: string
}

const personOf = (u: DirectoryUser): Person => ({ id: u.id, name: u.name, email: u.email })
/** More than a support team has, fewer than would hurt a mail loop. */
const MAX_PEOPLE = 1000

/** Enabled agents and admins, by name. */
export const listAgents = Effect.fn("People.agents")(function* () {
  const directory = yield* Directory
  const page = yield* directory.searchUsers({ roles: ["agent", "admin"], limit: MAX_PEOPLE })
  return page.items.map(personOf)
})

export const findAgent = Effect.fn("People.agent")(function* (id: string) {
  const agents = yield* listAgents()
  return agents.find((a) => a.id === id) ?? null
})

export const findPerson = Effect.fn("People.find")(function* (id: string) {
  const user = yield* (yield* Directory).userById(id)
  return user && !user.disabled ? personOf(user) : null
})

/** Everyone sharing a group with `userId` (the escalation list for their tickets), by name. */
export const groupmatesOf = Effect.fn("People.groupmates")(function* (userId: string) {
  const directory = yield* Directory
  const people = new Map<string, Person>()
  for (const { group } of yield* directory.membershipsOf(userId)) {
    const members = yield* directory.membersOf(group.id, { limit: MAX_PEOPLE })
    for (const { user } of members.items) people.set(user.id, personOf(user))
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name))
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
  const user = yield* (yield* Directory).userByEmail(email)
  return user ? personOf(user) : null
})

export const findGroupByName = Effect.fn("People.groupByName")(function* (name: string) {
  const group = yield* (yield* Directory).groupByName(name)
  return group ? { id: group.id, name: group.name } : null
})
