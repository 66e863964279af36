import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { jsonLoggerLayer } from "./log"

const captured = () => {
  const lines: Array<Record<string, unknown>> = []
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    lines.push(JSON.parse(String(chunk)))
    return true
  })
  return lines
}

describe("logs from services", () => {
  // Whatever an earlier suite in this worker chose (suites silence request logs), these log.
  beforeEach(() => vi.stubEnv("WHARF_LOG", ""))
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
  })

  it("come out as one JSON line each, with the message, the level and the fields", () => {
    const lines = captured()
    Effect.runSync(
      Effect.logWarning("mail not delivered", { ticket: 10023 }).pipe(Effect.provide(jsonLoggerLayer))
    )
    expect(lines).toEqual([
      expect.objectContaining({ level: "WARN", message: "mail not delivered", ticket: 10023 })
    ])
    expect(Date.parse(String(lines[0]?.timestamp))).not.toBeNaN()
  })

  it("carry the failure's cause, so an error in a job can be traced", () => {
    const lines = captured()
    Effect.runSync(
      Effect.logError("job helpdesk.sla failed", new Error("connection refused")).pipe(
        Effect.provide(jsonLoggerLayer)
      )
    )
    expect(lines[0]).toEqual(
      expect.objectContaining({
        level: "ERROR",
        message: "job helpdesk.sla failed",
        detail: "connection refused"
      })
    )
  })
})
