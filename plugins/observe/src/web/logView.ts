/** @module The log view's pure parts: the bounded ring of lines and search highlighting. */
import type { TextSegment } from "@wharf/core/web"
import { LOG_VIEW_LINES, type LogLine } from "../shared"

/** `lines` then `more`, keeping the last `limit` (older lines scroll away). */
export const appendBounded = <T>(
  lines: ReadonlyArray<T>,
  more: ReadonlyArray<T>,
  limit = LOG_VIEW_LINES
): T[] => {
  const all = [...lines, ...more]
  return all.length > limit ? all.slice(-limit) : all
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** `text` split into matches of `query` (any case) and the rest, for the Highlighted component. */
export const segmentsOf = (text: string, query: string): TextSegment[] => {
  if (!query) return [[text, false]]
  return text
    .split(new RegExp(`(${escapeRegExp(query)})`, "i"))
    .filter((part) => part !== "")
    .map((part) => [part, part.toLowerCase() === query.toLowerCase()] as const)
}

export const matches = (line: LogLine, query: string) =>
  !!query && line.text.toLowerCase().includes(query.toLowerCase())
