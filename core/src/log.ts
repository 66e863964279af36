/**
 * @module Structured logs: one JSON object per line on stdout, for request logs and
 * start-up, in the same shape as Effect's JSON logger.
 */
export type Level = "DEBUG" | "INFO" | "WARN" | "ERROR"

export const log = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
  if (process.env.WHARF_LOG === "silent" && level !== "ERROR") return
  process.stdout.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, message, ...fields })}\n`
  )
}
