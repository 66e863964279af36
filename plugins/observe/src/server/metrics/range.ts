/**
 * @module Range queries over Wharf's store: the resolution from the span (raw up to 6 h, 5-min
 * rollups up to 8 days, 1-h beyond), the unrolled last hours rolled up on the fly so a long
 * chart reaches now, and series summed per line (an app's pods per role).
 */
import { Effect } from "effect"
import type { MetricKind, MetricLine, MetricsRange } from "../../shared/metrics"
import { ObserveSettings } from "../settings"
import { type Bucket, HOUR_MS, hourOf, rollup, type Sample } from "./codec"
import { readRaw, readRollups, type SeriesRow } from "./store"

/** Seconds between points for a span: raw samples, or a rollup step. */
const stepFor = (spanMs: number, from: number, now: number, rawHours: number): number | "raw" => {
  const rawKept = now - rawHours * HOUR_MS
  if (spanMs <= 6 * HOUR_MS && from >= rawKept) return "raw"
  return spanMs <= 8 * 24 * HOUR_MS ? 300 : 3600
}

/** Adds up points of several series at equal times (the collector samples all at once). */
const sumAt = (lists: ReadonlyArray<ReadonlyArray<Bucket>>): Bucket[] => {
  const by = new Map<number, { min: number; avg: number; max: number }>()
  for (const list of lists)
    for (const b of list) {
      const s = by.get(b.t)
      if (s) {
        s.min += b.min
        s.avg += b.avg
        s.max += b.max
      } else by.set(b.t, { min: b.min, avg: b.avg, max: b.max })
    }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([t, s]) => ({ t, ...s }))
}

const asBuckets = (samples: ReadonlyArray<Sample>): Bucket[] =>
  samples.map((s) => ({ t: s.t, min: s.v, avg: s.v, max: s.v }))

/** The points of series over [from, to] at `step`, as buckets (raw: min = avg = max). */
const pointsOf = Effect.fn("MetricsRange.points")(function* (
  ids: ReadonlyArray<string>,
  step: number | "raw",
  from: number,
  to: number,
  now: number
) {
  if (step === "raw") {
    const raw = yield* readRaw(ids, from, to)
    return new Map([...raw].map(([id, s]) => [id, asBuckets(s)]))
  }
  const rolled = yield* readRollups(ids, step as 300 | 3600, from, to)
  // Hours not yet rolled up (the current one, and the last if the job has not run since).
  const tailFrom = Math.max(from, hourOf(Math.min(to, now)) - HOUR_MS)
  const raw = yield* readRaw(ids, tailFrom, to)
  const out = new Map<string, Bucket[]>()
  for (const id of ids) {
    const have = new Map((rolled.get(id) ?? []).map((b) => [b.t, b]))
    for (const b of rollup(raw.get(id) ?? [], step * 1000))
      if (!have.has(b.t) && b.t >= from) have.set(b.t, b)
    out.set(
      id,
      [...have.values()].sort((a, b) => a.t - b.t)
    )
  }
  return out
})

/** Lines of `series` grouped by `lineOf` (metric + label), each group summed. */
export const storeRange = Effect.fn("MetricsRange.store")(function* (
  series: ReadonlyArray<SeriesRow>,
  lineOf: (s: SeriesRow) => string,
  from: number,
  to: number,
  now = Date.now()
) {
  const settings = yield* ObserveSettings
  const step = stepFor(to - from, from, now, settings.rawHours)
  const points = yield* pointsOf(
    series.map((s) => s.id),
    step,
    from,
    to,
    now
  )
  const groups = new Map<string, { metric: MetricKind; label: string; lists: Bucket[][] }>()
  for (const s of series) {
    const label = lineOf(s)
    const key = `${s.metric}\u0000${label}`
    const g = groups.get(key) ?? { metric: s.metric, label, lists: [] }
    g.lists.push(points.get(s.id) ?? [])
    groups.set(key, g)
  }
  const lines: MetricLine[] = [...groups.values()].map((g) => {
    const b = g.lists.length === 1 ? g.lists[0]! : sumAt(g.lists)
    const line = { metric: g.metric, label: g.label, t: b.map((x) => x.t), avg: b.map((x) => x.avg) }
    return step === "raw" ? line : { ...line, min: b.map((x) => x.min), max: b.map((x) => x.max) }
  })
  return {
    source: "wharf",
    step: step === "raw" ? settings.intervalSeconds : step,
    from,
    to,
    lines
  } satisfies MetricsRange
})
