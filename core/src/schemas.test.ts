import { Effect, Exit, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decode } from "./decode"
import { CalendarDate, isCalendarDate } from "./schemas"

describe("CalendarDate", () => {
  it("takes the days that exist, leap days included", () => {
    for (const day of ["2026-01-31", "2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01"])
      expect(isCalendarDate(day)).toBe(true)
  })

  it("refuses days that do not exist, which PostgreSQL would shift or fail on", () => {
    for (const day of [
      "2026-02-30",
      "2026-13-45",
      "2026-02-29",
      "1900-02-29",
      "2026-04-31",
      "2026-00-10",
      "0000-01-01",
      "2026-1-5",
      "2026-01-31T00:00:00Z"
    ])
      expect(isCalendarDate(day)).toBe(false)
  })

  it("names the field and says what a date looks like", async () => {
    const exit = await Effect.runPromiseExit(
      decode(Schema.Struct({ holidays: Schema.Array(CalendarDate) }))({ holidays: ["2026-02-30"] })
    )
    expect(Exit.isFailure(exit)).toBe(true)
    expect(JSON.stringify(exit)).toContain(
      "holidays.0: must be a real date written YYYY-MM-DD, like 2026-01-31"
    )
  })
})
