import { Duration } from "effect"
import { describe, expect, it } from "vitest"
import { nextSlot, scheduleIn } from "./jobs"
import type { JobSchedule } from "./plugin"

describe("job schedules", () => {
  it("an interval's slots are multiples of the interval, so every replica computes the same one", () => {
    const now = new Date("2026-11-23T10:00:07.500Z")
    expect(nextSlot({ every: "5 seconds" }, now).toISOString()).toBe("2026-11-23T10:00:10.000Z")
    expect(nextSlot({ every: "1 hour" }, now).toISOString()).toBe("2026-11-23T11:00:00.000Z")
  })

  it("a cron schedule fires in its time zone (Asia/Shanghai by default)", () => {
    // 02:00 in Shanghai is 18:00 UTC the day before.
    const now = new Date("2026-11-23T12:00:00Z")
    expect(nextSlot({ cron: "0 2 * * *" }, now).toISOString()).toBe("2026-11-23T18:00:00.000Z")
    expect(nextSlot({ cron: "0 2 * * *", timeZone: "UTC" }, now).toISOString()).toBe(
      "2026-11-24T02:00:00.000Z"
    )
  })

  it("a bad cron expression is refused with the expression in the message", () => {
    expect(() => nextSlot({ cron: "every tuesday" }, new Date())).toThrow(
      /Invalid cron expression "every tuesday"/
    )
  })

  it("a job's interval setting, when the configuration sets it, replaces its interval", () => {
    const schedule: JobSchedule = { every: "15 seconds", everySetting: "WHARF_METRICS_INTERVAL" }
    expect(scheduleIn(schedule, {})).toBe(schedule)
    const every = (env: Record<string, string>) => {
      const s = scheduleIn(schedule, env)
      return "every" in s ? Duration.toMillis(Duration.fromInputUnsafe(s.every)) : undefined
    }
    expect(every({ WHARF_METRICS_INTERVAL: "2" })).toBe(2000)
    expect(every({ WHARF_METRICS_INTERVAL: "0.5" })).toBe(500)
    expect(() => scheduleIn(schedule, { WHARF_METRICS_INTERVAL: "1e-7" })).toThrow(
      'WHARF_METRICS_INTERVAL must be at least 0.001 seconds, got "1e-7"'
    )
    expect(() => scheduleIn(schedule, { WHARF_METRICS_INTERVAL: "soon" })).toThrow(
      'WHARF_METRICS_INTERVAL must be a positive number, got "soon"'
    )
  })
})
