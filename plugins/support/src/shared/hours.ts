/**
 * @module Service hours and the live "open now / opens at …" state of a support channel,
 * computed in the calendar's own time zone whatever the viewer's. The helpdesk owns the
 * service calendars (with holidays) and lends them through `support.service-hours`;
 * without it the built-in hours of the seed apply: 7×24 always, 5×8 Mon–Fri 08:00–17:30,
 * 7×8 every day 08:00–17:30, in Asia/Shanghai, no holidays. Shared by server and console.
 */

export type Calendar = "7x24" | "5x8" | "7x8"
export const SUPPORT_TIME_ZONE = "Asia/Shanghai"

/** A service calendar as the helpdesk keeps it (same field names, so its rows fit as they are). */
export interface ServiceHours {
  /** IANA zone, e.g. "Asia/Shanghai". */
  readonly timeZone: string
  /** ISO weekdays served: 1 = Monday … 7 = Sunday. */
  readonly days: ReadonlyArray<number>
  /** Local minutes after midnight; 0 and 1440 is around the clock. */
  readonly startMinute: number
  readonly endMinute: number
  /** Local dates without service, "YYYY-MM-DD". */
  readonly holidays: ReadonlyArray<string>
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]
const hours = (days: ReadonlyArray<number>, startMinute: number, endMinute: number): ServiceHours => ({
  timeZone: SUPPORT_TIME_ZONE,
  days,
  startMinute,
  endMinute,
  holidays: []
})
export const builtInHours: Readonly<Record<Calendar, ServiceHours>> = {
  "7x24": hours(EVERY_DAY, 0, 1440),
  "5x8": hours([1, 2, 3, 4, 5], 480, 1050),
  "7x8": hours(EVERY_DAY, 480, 1050)
}

interface LocalDate {
  readonly y: number
  readonly m: number
  readonly d: number
}

const wallClock = (at: number, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23"
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)])
  ) as Record<string, number>
  return { y: parts.year!, m: parts.month!, d: parts.day!, h: parts.hour!, min: parts.minute! }
}

/** The instant a local date and minute of day happen in a zone (DST-safe: the offset is read twice). */
const instantOf = (date: LocalDate, minute: number, timeZone: string) => {
  const asUtc = Date.UTC(date.y, date.m - 1, date.d, 0, minute)
  const offsetAt = (t: number) => {
    const w = wallClock(t, timeZone)
    return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min) - Math.floor(t / 60_000) * 60_000
  }
  const guess = asUtc - offsetAt(asUtc)
  return asUtc - offsetAt(guess)
}

const addDays = (date: LocalDate, n: number): LocalDate => {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}
const isoWeekday = (date: LocalDate) => new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() || 7
const isoDate = (date: LocalDate) =>
  `${date.y}-${String(date.m).padStart(2, "0")}-${String(date.d).padStart(2, "0")}`

/** Service windows [start, end) in epoch ms that end after `from`, from its local day on, for a year. */
function* windows(h: ServiceHours, from: number): Generator<readonly [number, number]> {
  const w = wallClock(from, h.timeZone)
  const first: LocalDate = { y: w.y, m: w.m, d: w.d }
  const holidays = new Set(h.holidays)
  for (let i = 0; i < 370; i++) {
    const date = addDays(first, i)
    if (!h.days.includes(isoWeekday(date)) || holidays.has(isoDate(date))) continue
    const start = instantOf(date, h.startMinute, h.timeZone)
    const end =
      h.endMinute >= 1440
        ? instantOf(addDays(date, 1), 0, h.timeZone)
        : instantOf(date, h.endMinute, h.timeZone)
    if (end > from) yield [start, end] as const
  }
}

export interface OpenState {
  readonly open: boolean
  /** When closed: the next opening; when open with hours: the closing time; null: open around the clock. */
  readonly next: Date | null
  /** Closed because today is one of the calendar's holidays. */
  readonly holiday: boolean
}

/** Service that runs on for more than a week without a break reads as simply "open". */
const LONG_STRETCH = 7 * 24 * 3_600_000

export const openState = (h: ServiceHours, at: Date): OpenState => {
  const now = at.getTime()
  const w = wallClock(now, h.timeZone)
  const holiday = h.holidays.includes(isoDate({ y: w.y, m: w.m, d: w.d }))
  const it = windows(h, now)
  const first = it.next()
  if (first.done) return { open: false, next: null, holiday }
  const [start, end] = first.value
  if (start > now) return { open: false, next: new Date(start), holiday }
  // Open: find where this stretch of back-to-back windows ends (7×24 runs day into day).
  let closes = end
  for (const [s, e] of it) {
    if (s !== closes || closes - now > LONG_STRETCH) break
    closes = e
  }
  return { open: true, next: closes - now > LONG_STRETCH ? null : new Date(closes), holiday: false }
}
