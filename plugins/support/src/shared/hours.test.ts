import { describe, expect, it } from "vitest"
import { openState } from "./hours"

// Shanghai is UTC+8: 08:00 there is 00:00 UTC.
const utc = (s: string) => new Date(`${s}Z`)

describe("support hours in Asia/Shanghai", () => {
  it("7×24 is always open", () => {
    expect(openState("7x24", utc("2026-03-08T20:00:00"))).toEqual({ open: true, next: null })
  })

  it("5×8 is open on a weekday from 08:00 to 17:30 local time, and says when it closes", () => {
    // Wednesday 2026-03-04 10:00 in Shanghai.
    expect(openState("5x8", utc("2026-03-04T02:00:00"))).toEqual({
      open: true,
      next: utc("2026-03-04T09:30:00")
    })
    // 17:30 sharp is closed; it opens again Thursday 08:00.
    expect(openState("5x8", utc("2026-03-04T09:30:00"))).toEqual({
      open: false,
      next: utc("2026-03-05T00:00:00")
    })
    // 07:59 on a weekday opens the same day.
    expect(openState("5x8", utc("2026-03-03T23:59:00"))).toEqual({
      open: false,
      next: utc("2026-03-04T00:00:00")
    })
  })

  it("5×8 is closed over the weekend and opens on Monday 08:00", () => {
    // Friday 18:00 Shanghai.
    expect(openState("5x8", utc("2026-03-06T10:00:00"))).toEqual({
      open: false,
      next: utc("2026-03-09T00:00:00")
    })
    // Saturday noon and Sunday 23:00 Shanghai.
    expect(openState("5x8", utc("2026-03-07T04:00:00")).next).toEqual(utc("2026-03-09T00:00:00"))
    expect(openState("5x8", utc("2026-03-08T15:00:00")).next).toEqual(utc("2026-03-09T00:00:00"))
  })

  it("7×8 is open on weekends too", () => {
    expect(openState("7x8", utc("2026-03-07T04:00:00")).open).toBe(true)
    expect(openState("7x8", utc("2026-03-07T12:00:00")).next).toEqual(utc("2026-03-08T00:00:00"))
  })

  it("uses Shanghai's clock, not the caller's: Sunday 20:00 UTC is Monday 04:00 in Shanghai", () => {
    expect(openState("5x8", utc("2026-03-08T20:00:00"))).toEqual({
      open: false,
      next: utc("2026-03-09T00:00:00")
    })
    // Monday 01:00 UTC is 09:00 in Shanghai: open.
    expect(openState("5x8", utc("2026-03-09T01:00:00")).open).toBe(true)
  })
})
