/**
 * @module The helpdesk's settings (auto-close days) and ticket categories, managed by admins.
 */

import { conflictOnDuplicate, Db, NotFound } from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import type { Category } from "../shared/types"
import { listsChanged } from "./list-cache"

export const autoCloseDays = Effect.gen(function* () {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ value: number }[]>`select value from helpdesk.settings where key = 'auto_close_days'`
  )
  return Number(row?.value ?? 7)
})

export const setAutoCloseDays = Effect.fn("Settings.setAutoCloseDays")(function* (days: number) {
  const db = yield* Db
  yield* db.query(
    (sql) => sql`insert into helpdesk.settings (key, value) values ('auto_close_days', ${sql.json(days)})
      on conflict (key) do update set value = excluded.value`
  )
  return { autoCloseDays: days }
})

interface CategoryRow {
  id: string
  name: string
  name_en: string
  position: number
  active: boolean
  calendar_id: string | null
}
const toCategory = (r: CategoryRow): Category => ({
  id: r.id,
  name: r.name,
  nameEn: r.name_en,
  position: r.position,
  active: r.active,
  calendarId: r.calendar_id
})

export const listCategories = Effect.fn("Categories.list")(function* (includeInactive: boolean) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<
      CategoryRow[]
    >`select id, name, name_en, position, active, calendar_id from helpdesk.categories
      where ${includeInactive} or active order by position, name`
  )
  return rows.map(toCategory)
})

export const createCategory = Effect.fn("Categories.create")(function* (input: {
  name: string
  nameEn: string
  position?: number | undefined
  calendarId?: string | null | undefined
}) {
  const db = yield* Db
  const [row] = yield* db
    .query(
      (sql) => sql<CategoryRow[]>`insert into helpdesk.categories (name, name_en, position, calendar_id)
        values (${input.name.trim()}, ${input.nameEn.trim()}, ${input.position ?? 0}, ${input.calendarId ?? null})
        returning id, name, name_en, position, active, calendar_id`
    )
    .pipe(conflictOnDuplicate(`A category named ${input.name} already exists`))
  return toCategory(row!)
})

export const updateCategory = Effect.fn("Categories.update")(function* (input: {
  id: string
  name?: string | undefined
  nameEn?: string | undefined
  position?: number | undefined
  active?: boolean | undefined
  calendarId?: string | null | undefined
}) {
  const db = yield* Db
  const [row] = yield* db
    .query(
      (sql) => sql<CategoryRow[]>`update helpdesk.categories set
        name = coalesce(${input.name?.trim() ?? null}, name),
        name_en = coalesce(${input.nameEn?.trim() ?? null}, name_en),
        position = coalesce(${input.position ?? null}::int, position),
        active = coalesce(${input.active ?? null}::boolean, active),
        calendar_id = ${input.calendarId === undefined ? sql`calendar_id` : input.calendarId}
        where id = ${input.id} returning id, name, name_en, position, active, calendar_id`
    )
    .pipe(conflictOnDuplicate(`A category named ${input.name} already exists`))
  if (!row) return yield* new NotFound(helpdeskReasons.because("helpdesk.noSuchCategory"))
  // Lists show a ticket's category by name.
  yield* listsChanged
  return toCategory(row)
})
