/**
 * @module Metrics settings from the environment, read once: how often the collector runs, how
 * long each resolution is kept, and whether a Prometheus answers range queries instead.
 */

const number = (v: string | undefined, fallback: number) => {
  const n = Number(v)
  return v !== undefined && v !== "" && Number.isFinite(n) && n > 0 ? n : fallback
}

export interface MetricsSettings {
  /** Seconds between collector cycles (`WHARF_METRICS_INTERVAL`, 15). */
  readonly intervalSeconds: number
  /** Raw samples are kept this long (`WHARF_METRICS_RAW_HOURS`, 48). */
  readonly rawHours: number
  /** Rollups are kept this long (`WHARF_METRICS_ROLLUP_DAYS`, 30). */
  readonly rollupDays: number
  /** Read ranges from this Prometheus instead of Wharf's store (`PROMETHEUS_URL`). */
  readonly prometheusUrl: string | undefined
}

export const metricsSettings = (env: NodeJS.ProcessEnv = process.env): MetricsSettings => ({
  intervalSeconds: number(env.WHARF_METRICS_INTERVAL, 15),
  rawHours: number(env.WHARF_METRICS_RAW_HOURS, 48),
  rollupDays: number(env.WHARF_METRICS_ROLLUP_DAYS, 30),
  prometheusUrl: env.PROMETHEUS_URL?.replace(/\/+$/, "") || undefined
})
