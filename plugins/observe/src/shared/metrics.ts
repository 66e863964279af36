/**
 * @module Metrics on the wire: a range query (one pod, an app instance by role, or a host)
 * and its answer, the same whether Wharf's store or a Prometheus answered.
 */
import { Schema } from "effect"

const Name = Schema.String.pipe(Schema.check(Schema.isMaxLength(253)))

export const METRIC_RANGES = ["1h", "6h", "1d", "7d"] as const
export type MetricRange = (typeof METRIC_RANGES)[number]
export const RANGE_MS: Record<MetricRange, number> = {
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "1d": 86_400_000,
  "7d": 7 * 86_400_000
}

export const MetricsRangeInput = Schema.Struct({
  clusterId: Name,
  /** pod: its containers' CPU and memory and its network; app: totals by role; host: a node. */
  target: Schema.Literals(["pod", "app", "host"]),
  namespace: Schema.optional(Name),
  pod: Schema.optional(Name),
  /** Only this container of the pod. */
  container: Schema.optional(Name),
  /** The app instance (`wharf.io/app-instance`), in `namespace`. */
  instance: Schema.optional(Name),
  node: Schema.optional(Name),
  /** Epoch milliseconds. */
  from: Schema.Number,
  to: Schema.Number
})
export type MetricsRangeInput = typeof MetricsRangeInput.Type

/** cpu in cores, memory and fs in bytes, rx and tx in bit/s. */
export type MetricKind = "cpu" | "memory" | "rx" | "tx" | "fs" | "fs_capacity"

export interface MetricLine {
  readonly metric: MetricKind
  /** A container's name, a role (component), or "" for a pod's or host's own. */
  readonly label: string
  /** Epoch milliseconds. */
  readonly t: ReadonlyArray<number>
  readonly avg: ReadonlyArray<number | null>
  /** Rollups' extremes per bucket (Wharf's store at 5-min or 1-h steps). */
  readonly min?: ReadonlyArray<number | null>
  readonly max?: ReadonlyArray<number | null>
}

export interface MetricsRange {
  readonly source: "wharf" | "prometheus"
  /** Seconds between points: the collector's interval for raw samples. */
  readonly step: number
  readonly from: number
  readonly to: number
  readonly lines: ReadonlyArray<MetricLine>
}
