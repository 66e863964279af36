/**
 * @module Service calendars and SLA targets (SPEC HD-9): which calendar serves a ticket
 * (its category's, else the default), and when its first response and resolution are due.
 */

import { Db, Invalid, NotFound } from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import type { Severity } from "../shared/status"
import type { ServiceCalendarInfo } from "../shared/types"
import { addServiceMinutes } from "./sla"

interface CalendarRow {
  id: string
  key: string
  name: string
  name_en: string | null
  time_zone: string
  days: number[]
  start_minute: number
  end_minute: number
  holidays: Array<Date | string>
  is_default: boolean
  targets: Array<{ severity: Severity; first_response_minutes: number; resolution_minutes: number }> | null
}

const dateText = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10))

const toInfo = (r: CalendarRow): ServiceCalendarInfo => ({
  id: r.id,
  key: r.key,
  name: r.name,
  nameEn: r.name_en,
  timeZone: r.time_zone,
  days: r.days.map(Number),
  startMinute: r.start_minute,
  endMinute: r.end_minute,
  // Dates are read as text, so no time zone shifts a holiday to the day before.
  holidays: r.holidays.map(dateText),
  isDefault: r.is_default,
  targets: (r.targets ?? []).map((t) => ({
    severity: t.severity,
    firstResponseMinutes: t.first_response_minutes,
    resolutionMinutes: t.resolution_minutes
  }))
})

export const listCalendars = Effect.fn("Calendars.list")(function* (id?: string) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<CalendarRow[]>`
      select c.id, c.key, c.name, c.name_en, c.time_zone, c.days, c.start_minute, c.end_minute,
        c.holidays::text[] as holidays, c.is_default,
        (select json_agg(json_build_object('severity', s.severity, 'first_response_minutes',
           s.first_response_minutes, 'resolution_minutes', s.resolution_minutes))
         from helpdesk.sla_targets s where s.calendar_id = c.id) as targets
      from helpdesk.calendars c
      where ${id ?? null}::uuid is null or c.id = ${id ?? null}
      order by c.is_default desc, c.key`
  )
  return rows.map(toInfo)
})

/** The calendar for a category (its own, else the default), or null if none exists. */
export const calendarFor = Effect.fn("Calendars.forCategory")(function* (calendarId: string | null) {
  const all = yield* listCalendars()
  return all.find((c) => c.id === calendarId) ?? all.find((c) => c.isDefault) ?? null
})

/** Due times of a ticket created at `createdAt` with `severity`, counted in service hours. */
export const dueTimes = (calendar: ServiceCalendarInfo | null, severity: Severity, createdAt: Date) => {
  const target = calendar?.targets.find((t) => t.severity === severity)
  if (!calendar || !target)
    return { calendarId: calendar?.id ?? null, firstResponseDue: null, resolutionDue: null }
  return {
    calendarId: calendar.id,
    firstResponseDue: addServiceMinutes(createdAt, target.firstResponseMinutes, calendar),
    resolutionDue: addServiceMinutes(createdAt, target.resolutionMinutes, calendar)
  }
}

export const updateCalendar = Effect.fn("Calendars.update")(function* (input: {
  id: string
  name?: string | undefined
  /** Null clears the English name (English readers then see the Chinese). */
  nameEn?: string | null | undefined
  timeZone?: string | undefined
  holidays?: ReadonlyArray<string> | undefined
  isDefault?: true | undefined
  targets?:
    | ReadonlyArray<{ severity: Severity; firstResponseMinutes: number; resolutionMinutes: number }>
    | undefined
}) {
  const db = yield* Db
  if (input.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: input.timeZone })
    } catch {
      return yield* new Invalid({
        message: `timeZone: "${input.timeZone}" is not a time zone (use an IANA name like Asia/Shanghai)`,
        issues: [{ path: "timeZone", message: "must be an IANA time zone, like Asia/Shanghai" }]
      })
    }
  }
  yield* db.transaction(
    Effect.gen(function* () {
      const [row] = yield* db.query(
        (sql) => sql<{ id: string }[]>`
          update helpdesk.calendars set
            name = coalesce(${input.name ?? null}, name),
            name_en = case when ${input.nameEn !== undefined}::boolean then ${input.nameEn ?? null} else name_en end,
            time_zone = coalesce(${input.timeZone ?? null}, time_zone),
            holidays = coalesce(${input.holidays ? [...input.holidays] : null}::date[], holidays)
          where id = ${input.id} returning id`
      )
      if (!row) return yield* new NotFound(helpdeskReasons.because("helpdesk.noSuchCalendar"))
      if (input.isDefault) {
        yield* db.query((sql) => sql`update helpdesk.calendars set is_default = false where is_default`)
        yield* db.query((sql) => sql`update helpdesk.calendars set is_default = true where id = ${input.id}`)
      }
      for (const t of input.targets ?? []) {
        yield* db.query(
          (sql) => sql`
            insert into helpdesk.sla_targets (calendar_id, severity, first_response_minutes, resolution_minutes)
            values (${input.id}, ${t.severity}, ${t.firstResponseMinutes}, ${t.resolutionMinutes})
            on conflict (calendar_id, severity) do update set
              first_response_minutes = excluded.first_response_minutes,
              resolution_minutes = excluded.resolution_minutes`
        )
      }
    })
  )
  return (yield* listCalendars(input.id))[0]!
})
