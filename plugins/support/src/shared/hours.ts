/**
 * @module Service calendars and the live "open now / opens at …" state of a support
 * channel, computed in the support team's time zone (Asia/Shanghai) whatever the
 * viewer's. 7×24 is always open; 5×8 is Mon–Fri 08:00–17:30; 7×8 is every day
 * 08:00–17:30 (the seed's working hours). Shared by the server and the console.
 */

export type Calendar = "7x24" | "5x8" | "7x8"
export const SUPPORT_TIME_ZONE = "Asia/Shanghai"
const OPEN = 8 * 60
const CLOSE = 17 * 60 + 30

interface Local {
  /** 0 = Sunday … 6 = Saturday, in the zone. */
  weekday: number
  minutes: number
  year: number
  month: number
  day: number
}

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

export const localParts = (at: Date, timeZone: string): Local => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23"
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value])
  )
  return {
    weekday: weekdays.indexOf(parts.weekday!),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day)
  }
}

/** The instant at local `minutes` on the local date of `at` + `days`, in `timeZone`. */
const instantAt = (at: Date, days: number, minutes: number, timeZone: string) => {
  const l = localParts(at, timeZone)
  const guess = Date.UTC(l.year, l.month - 1, l.day + days, 0, minutes)
  // The zone's offset at that moment (no DST in Shanghai, but the code does not assume it).
  const seen = localParts(new Date(guess), timeZone)
  const offset = Date.UTC(seen.year, seen.month - 1, seen.day, 0, seen.minutes) - guess
  return new Date(guess - offset)
}

const worksOn = (calendar: Calendar, weekday: number) => calendar !== "5x8" || (weekday >= 1 && weekday <= 5)

export interface OpenState {
  readonly open: boolean
  /** When closed: the next opening; when open with hours: the closing time. */
  readonly next: Date | null
}

export const openState = (calendar: Calendar, at: Date, timeZone = SUPPORT_TIME_ZONE): OpenState => {
  if (calendar === "7x24") return { open: true, next: null }
  const l = localParts(at, timeZone)
  if (worksOn(calendar, l.weekday) && l.minutes >= OPEN && l.minutes < CLOSE) {
    return { open: true, next: instantAt(at, 0, CLOSE, timeZone) }
  }
  for (let days = l.minutes < OPEN ? 0 : 1; days <= 7; days++) {
    if (worksOn(calendar, (l.weekday + days) % 7))
      return { open: false, next: instantAt(at, days, OPEN, timeZone) }
  }
  return { open: false, next: null }
}
