import { describe, expect, it } from "vitest"
import { addServiceMinutes, isServiceTime, type ServiceCalendar, serviceMinutesBetween } from "./sla"

const weekdays = (timeZone = "Asia/Shanghai", holidays: string[] = []): ServiceCalendar => ({
  timeZone,
  days: [1, 2, 3, 4, 5],
  startMinute: 8 * 60,
  endMinute: 17 * 60 + 30,
  holidays
})
const allDay: ServiceCalendar = {
  timeZone: "Asia/Shanghai",
  days: [1, 2, 3, 4, 5, 6, 7],
  startMinute: 0,
  endMinute: 1440,
  holidays: []
}
const everyDay: ServiceCalendar = { ...weekdays(), days: [1, 2, 3, 4, 5, 6, 7] }
const due = (start: string, minutes: number, calendar: ServiceCalendar) =>
  addServiceMinutes(new Date(start), minutes, calendar).toISOString()

describe("service-hour arithmetic (5×8 = Mon–Fri 08:00–17:30, Beijing time)", () => {
  it("a target that outlasts Friday continues on Monday morning", () => {
    // Friday 16:30 in Shanghai: one hour left that day, the second hour on Monday 08:00–09:00.
    expect(due("2026-01-09T16:30:00+08:00", 120, weekdays())).toBe("2026-01-12T01:00:00.000Z")
  })

  it("a ticket filed on Saturday starts counting on Monday at 08:00", () => {
    expect(due("2026-01-10T11:00:00+08:00", 30, weekdays())).toBe("2026-01-12T00:30:00.000Z")
  })

  it("a holiday is skipped like a weekend day", () => {
    expect(due("2026-01-09T16:30:00+08:00", 120, weekdays("Asia/Shanghai", ["2026-01-12"]))).toBe(
      "2026-01-13T01:00:00.000Z"
    )
  })

  it("several holidays in a row (a national holiday week) are all skipped", () => {
    const golden = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"]
    // Wednesday 30 September 17:00 → 30 minutes left that day; resumes Thursday 8 October.
    expect(due("2026-09-30T17:00:00+08:00", 60, weekdays("Asia/Shanghai", golden))).toBe(
      "2026-10-08T00:30:00.000Z"
    )
  })

  it("before opening time the clock waits for 08:00; a target that fits ends the same day", () => {
    expect(due("2026-01-13T06:00:00+08:00", 30, weekdays())).toBe("2026-01-13T00:30:00.000Z")
    expect(due("2026-01-13T09:00:00+08:00", 480, weekdays())).toBe("2026-01-13T09:00:00.000Z")
  })

  it("a full day of service is 9.5 hours: 570 minutes from opening ends at closing", () => {
    expect(due("2026-01-13T08:00:00+08:00", 570, weekdays())).toBe("2026-01-13T09:30:00.000Z")
    expect(due("2026-01-13T08:00:00+08:00", 571, weekdays())).toBe("2026-01-14T00:01:00.000Z")
  })

  it("the local date decides the weekday: Friday 23:00 UTC is already Saturday in Shanghai", () => {
    expect(due("2026-01-09T23:00:00Z", 60, weekdays())).toBe("2026-01-12T01:00:00.000Z")
  })

  it("counts service minutes between two instants across a weekend", () => {
    const friday = new Date("2026-01-09T17:00:00+08:00")
    const monday = new Date("2026-01-12T08:30:00+08:00")
    expect(serviceMinutesBetween(friday, monday, weekdays())).toBe(60)
    expect(serviceMinutesBetween(monday, friday, weekdays())).toBe(0)
  })

  it("knows whether support is open now", () => {
    expect(isServiceTime(new Date("2026-01-13T10:00:00+08:00"), weekdays())).toBe(true)
    expect(isServiceTime(new Date("2026-01-13T17:30:00+08:00"), weekdays())).toBe(false)
    expect(isServiceTime(new Date("2026-01-10T10:00:00+08:00"), weekdays())).toBe(false)
    expect(isServiceTime(new Date("2026-01-10T10:00:00+08:00"), everyDay)).toBe(true)
  })
})

describe("7×24 and 7×8 calendars", () => {
  it("7×24 counts every minute, weekends included", () => {
    expect(due("2026-01-09T16:30:00+08:00", 120, allDay)).toBe("2026-01-09T10:30:00.000Z")
    expect(due("2026-01-10T23:30:00+08:00", 24 * 60, allDay)).toBe("2026-01-11T15:30:00.000Z")
  })

  it("7×8 serves Saturday and Sunday during the day", () => {
    expect(due("2026-01-09T17:00:00+08:00", 60, everyDay)).toBe("2026-01-10T00:30:00.000Z")
  })
})

describe("time zones", () => {
  it("the same 5×8 hours in Berlin fall at other UTC instants", () => {
    // Friday 16:30 in Berlin (UTC+1 in winter) → Monday 09:00 Berlin = 08:00 UTC.
    expect(due("2026-01-09T16:30:00+01:00", 120, weekdays("Europe/Berlin"))).toBe("2026-01-12T08:00:00.000Z")
  })

  it("a weekend with a daylight-saving change: Monday 08:30 is summer time", () => {
    // Berlin moves to UTC+2 on Sunday 29 March 2026.
    expect(due("2026-03-27T17:00:00+01:00", 60, weekdays("Europe/Berlin"))).toBe("2026-03-30T06:30:00.000Z")
  })

  it("7×24 across the night the clocks go forward counts real elapsed time", () => {
    const berlin = { ...allDay, timeZone: "Europe/Berlin" }
    expect(due("2026-03-29T00:00:00Z", 120, berlin)).toBe("2026-03-29T02:00:00.000Z")
    expect(
      serviceMinutesBetween(new Date("2026-03-28T23:00:00Z"), new Date("2026-03-29T22:00:00Z"), berlin)
    ).toBe(23 * 60)
  })
})

it("a calendar without any service day is refused instead of looping forever", () => {
  expect(() => addServiceMinutes(new Date(), 10, { ...weekdays(), days: [] })).toThrow(/no service hours/)
})
