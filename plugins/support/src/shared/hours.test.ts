import { describe, expect, it } from "vitest"
import { builtInHours, openState, type ServiceHours } from "./hours"

// Shanghai is UTC+8: 08:00 there is 00:00 UTC.
const utc = (s: string) => new Date(`${s}Z`)

describe("built-in support hours in Asia/Shanghai", () => {
  it("7×24 is always open", () => {
    expect(openState(builtInHours["7x24"], utc("2026-03-08T20:00:00"))).toEqual({
      open: true,
      next: null,
      holiday: false
    })
  })

  it("5×8 is open on a weekday from 08:00 to 17:30 local time, and says when it closes", () => {
    // Wednesday 2026-03-04 10:00 in Shanghai.
    expect(openState(builtInHours["5x8"], utc("2026-03-04T02:00:00"))).toEqual({
      open: true,
      next: utc("2026-03-04T09:30:00"),
      holiday: false
    })
    // 17:30 sharp is closed; it opens again Thursday 08:00.
    expect(openState(builtInHours["5x8"], utc("2026-03-04T09:30:00"))).toEqual({
      open: false,
      next: utc("2026-03-05T00:00:00"),
      holiday: false
    })
    // 07:59 on a weekday opens the same day.
    expect(openState(builtInHours["5x8"], utc("2026-03-03T23:59:00"))).toEqual({
      open: false,
      next: utc("2026-03-04T00:00:00"),
      holiday: false
    })
  })

  it("5×8 is closed over the weekend and opens on Monday 08:00", () => {
    // Friday 18:00 Shanghai.
    expect(openState(builtInHours["5x8"], utc("2026-03-06T10:00:00"))).toEqual({
      open: false,
      next: utc("2026-03-09T00:00:00"),
      holiday: false
    })
    // Saturday noon and Sunday 23:00 Shanghai.
    expect(openState(builtInHours["5x8"], utc("2026-03-07T04:00:00")).next).toEqual(
      utc("2026-03-09T00:00:00")
    )
    expect(openState(builtInHours["5x8"], utc("2026-03-08T15:00:00")).next).toEqual(
      utc("2026-03-09T00:00:00")
    )
  })

  it("7×8 is open on weekends too", () => {
    expect(openState(builtInHours["7x8"], utc("2026-03-07T04:00:00")).open).toBe(true)
    expect(openState(builtInHours["7x8"], utc("2026-03-07T12:00:00")).next).toEqual(
      utc("2026-03-08T00:00:00")
    )
  })

  it("uses Shanghai's clock, not the caller's: Sunday 20:00 UTC is Monday 04:00 in Shanghai", () => {
    expect(openState(builtInHours["5x8"], utc("2026-03-08T20:00:00"))).toEqual({
      open: false,
      next: utc("2026-03-09T00:00:00"),
      holiday: false
    })
    // Monday 01:00 UTC is 09:00 in Shanghai: open.
    expect(openState(builtInHours["5x8"], utc("2026-03-09T01:00:00")).open).toBe(true)
  })
})

describe("support hours from a service calendar", () => {
  const fiveByEight: ServiceHours = { ...builtInHours["5x8"], holidays: ["2026-10-01", "2026-10-02"] }

  it("a holiday is closed, says so, and opens on the next working day that is not a holiday", () => {
    // Thursday 2026-10-01 10:00 in Shanghai, a holiday; Friday is one too; Monday 08:00 opens.
    expect(openState(fiveByEight, utc("2026-10-01T02:00:00"))).toEqual({
      open: false,
      next: utc("2026-10-05T00:00:00"),
      holiday: true
    })
    // The evening before the holiday: closed, but not for a holiday; it skips both days off.
    expect(openState(fiveByEight, utc("2026-09-30T12:00:00"))).toEqual({
      open: false,
      next: utc("2026-10-05T00:00:00"),
      holiday: false
    })
  })

  it("counts hours in the calendar's zone: 08:00 in Berlin (summer) is 06:00 UTC", () => {
    const berlin: ServiceHours = { ...builtInHours["5x8"], timeZone: "Europe/Berlin" }
    // Saturday 2026-06-06 12:00 UTC: closed until Monday 08:00 Berlin time.
    expect(openState(berlin, utc("2026-06-06T12:00:00")).next).toEqual(utc("2026-06-08T06:00:00"))
    // Monday 07:00 UTC is 09:00 in Berlin: open until 17:30 there, 15:30 UTC.
    expect(openState(berlin, utc("2026-06-08T07:00:00"))).toEqual({
      open: true,
      next: utc("2026-06-08T15:30:00"),
      holiday: false
    })
  })

  it("7×24 with a holiday ahead is open until that day begins, when it is within the week", () => {
    const h: ServiceHours = { ...builtInHours["7x24"], holidays: ["2026-03-10"] }
    // Sunday 2026-03-08 12:00 Shanghai: open until Tuesday 00:00 Shanghai (Monday 16:00 UTC).
    expect(openState(h, utc("2026-03-08T04:00:00"))).toEqual({
      open: true,
      next: utc("2026-03-09T16:00:00"),
      holiday: false
    })
  })
})
