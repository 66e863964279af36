/**
 * @module Structured logs: one JSON object per line on stdout, for request logs and
 * start-up; `jsonLogger` sends what services log with `Effect.log*` to the same lines.
 */
import { Cause, Logger, type LogLevel } from "effect"

export type Level = "DEBUG" | "INFO" | "WARN" | "ERROR"

export const log = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
  if (process.env.WHARF_LOG === "silent" && level !== "ERROR") return
  process.stdout.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, message, ...fields })}\n`
  )
}

const LEVELS: Partial<Record<LogLevel.LogLevel, Level>> = {
  Fatal: "ERROR",
  Error: "ERROR",
  Warn: "WARN",
  Info: "INFO",
  Debug: "DEBUG",
  Trace: "DEBUG"
}

/** `Effect.logInfo("message", { fields })`: the first string is the message, objects become fields. */
export const jsonLogger = Logger.make<unknown, void>(({ message, logLevel, cause }) => {
  const parts = Array.isArray(message) ? message : [message]
  const text = parts.filter((p) => typeof p === "string").join(" ")
  const fields: Record<string, unknown> = {}
  const details = parts.filter((p) => typeof p !== "string")
  for (const detail of details) {
    if (detail && typeof detail === "object" && !Array.isArray(detail) && !(detail instanceof Error)) {
      Object.assign(fields, detail)
    } else {
      fields.detail =
        detail instanceof Error ? detail.message : Cause.isCause(detail) ? Cause.pretty(detail) : detail
    }
  }
  if (cause.reasons.length > 0) fields.cause = Cause.pretty(cause)
  log(LEVELS[logLevel] ?? "INFO", text, fields)
})

/** Replaces Effect's default console logger with `jsonLogger`. */
export const jsonLoggerLayer = Logger.layer([jsonLogger])
