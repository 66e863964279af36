/**
 * @module Service-hour arithmetic (SPEC HD-9): when a target of N service minutes falls
 * due, counted only inside a calendar's hours, on its weekdays, outside its holidays, in
 * its time zone. Pure functions: the SLA job and ticket creation share them.
 */

export interface ServiceCalendar {
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

interface LocalDate {
  readonly y: number
  readonly m: number
  readonly d: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const formatterOf = (timeZone: string) => {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock fields of an instant in a zone. */
const wallClock = (instant: number, timeZone: string) => {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)])
  ) as Record<string, number>
  return {
    y: parts.year!,
    m: parts.month!,
    d: parts.day!,
    h: parts.hour!,
    min: parts.minute!,
    s: parts.second!
  }
}

/** The zone's offset from UTC at an instant, in milliseconds. */
const offsetAt = (instant: number, timeZone: string) => {
  const w = wallClock(instant, timeZone)
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(instant / 1000) * 1000
}

/** The instant a local date and minute-of-day happen in a zone (the later one in a DST gap). */
const instantOf = (date: LocalDate, minute: number, timeZone: string) => {
  const asUtc = Date.UTC(date.y, date.m - 1, date.d, 0, minute)
  let guess = asUtc - offsetAt(asUtc, timeZone)
  // A second pass settles the offset when a DST change lies between guess and answer.
  guess = asUtc - offsetAt(guess, timeZone)
  return guess
}

const nextDay = (date: LocalDate): LocalDate => {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + 1))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}
const isoWeekday = (date: LocalDate) => {
  const day = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay()
  return day === 0 ? 7 : day
}
const isoDate = (date: LocalDate) =>
  `${date.y}-${String(date.m).padStart(2, "0")}-${String(date.d).padStart(2, "0")}`

/** Service windows [start, end) in epoch ms, from the local day of `from` onwards. */
function* windows(calendar: ServiceCalendar, from: number): Generator<readonly [number, number]> {
  const w = wallClock(from, calendar.timeZone)
  let date: LocalDate = { y: w.y, m: w.m, d: w.d }
  const holidays = new Set(calendar.holidays)
  // Ten years of days without one service hour means the calendar serves never.
  for (let i = 0; i < 3660; i++) {
    if (calendar.days.includes(isoWeekday(date)) && !holidays.has(isoDate(date))) {
      const start = instantOf(date, calendar.startMinute, calendar.timeZone)
      const end =
        calendar.endMinute >= 1440
          ? instantOf(nextDay(date), 0, calendar.timeZone)
          : instantOf(date, calendar.endMinute, calendar.timeZone)
      if (end > from) yield [Math.max(start, from), end] as const
    }
    date = nextDay(date)
  }
}

/** When `minutes` of service time have passed after `start`. */
export const addServiceMinutes = (start: Date, minutes: number, calendar: ServiceCalendar): Date => {
  let remaining = minutes * 60_000
  for (const [from, end] of windows(calendar, start.getTime())) {
    if (remaining <= end - from) return new Date(from + remaining)
    remaining -= end - from
  }
  throw new Error("The service calendar has no service hours in the next ten years")
}

/** Service minutes between two instants (0 when `end` is not after `start`). */
export const serviceMinutesBetween = (start: Date, end: Date, calendar: ServiceCalendar): number => {
  let total = 0
  for (const [from, to] of windows(calendar, start.getTime())) {
    if (from >= end.getTime()) break
    total += Math.min(to, end.getTime()) - from
  }
  return Math.floor(total / 60_000)
}

/** Whether `at` is inside service hours ("open now"). */
export const isServiceTime = (at: Date, calendar: ServiceCalendar): boolean => {
  const first = windows(calendar, at.getTime()).next()
  return !first.done && first.value[0] <= at.getTime()
}
