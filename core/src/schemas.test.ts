import { Effect, Exit, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decode } from "./decode"
import { CalendarDate, isCalendarDate } from "./schemas"
import { input } from "./trpc"
import { coreMessages } from "./web/messages"

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

  it("gives the console a reason code for an impossible date, which it has in Chinese and English", async () => {
    const schema = Schema.Struct({ release: Schema.Struct({ date: CalendarDate }) })
    const rest = await Effect.runPromiseExit(decode(schema)({ release: { date: "2026-02-30" } }))
    expect(JSON.stringify(rest)).toContain(
      '"issues":[{"path":"release.date","message":"must be a real date written YYYY-MM-DD, like 2026-01-31","reason":"core.notARealDate"}]'
    )
    const trpc = await input(schema)["~standard"].validate({ release: { date: "2026-13-45" } })
    expect(trpc).toEqual({
      issues: [
        {
          path: ["release", "date"],
          message: "must be a real date written YYYY-MM-DD, like 2026-01-31",
          reason: "core.notARealDate"
        }
      ]
    })
    expect(coreMessages["zh-CN"]!["error.core.notARealDate"]).toBe(
      "须为真实存在的日期，写作 YYYY-MM-DD，例如 2026-01-31"
    )
    expect(coreMessages.en!["error.core.notARealDate"]).toBe(
      "must be a real date written YYYY-MM-DD, like 2026-01-31"
    )
    // Other refusals keep their English message and have no reason.
    expect(await input(schema)["~standard"].validate({ release: {} })).toEqual({
      issues: [{ path: ["release", "date"], message: "Missing key" }]
    })
  })
})
