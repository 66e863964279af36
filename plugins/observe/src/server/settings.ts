/**
 * @module observe's settings, read once from the configuration's environment when Wharf starts
 * (a bad value stops start-up naming it): how often the metrics collector runs, how long each
 * resolution is kept, whether a Prometheus answers range queries instead, and how long a
 * terminal may sit without a keystroke.
 */
import { positiveSetting, WharfConfig } from "@wharf/core"
import { Context, Effect, Layer } from "effect"

/** The collector's cycle, in seconds; also the schedule's own setting (core reads it there). */
export const INTERVAL_SETTING = "WHARF_METRICS_INTERVAL"
export const INTERVAL_SECONDS = 15

export class ObserveSettings extends Context.Service<
  ObserveSettings,
  {
    /** Seconds between collector cycles (`WHARF_METRICS_INTERVAL`, 15). */
    readonly intervalSeconds: number
    /** Raw samples are kept this long (`WHARF_METRICS_RAW_HOURS`, 48). */
    readonly rawHours: number
    /** Rollups are kept this long (`WHARF_METRICS_ROLLUP_DAYS`, 30). */
    readonly rollupDays: number
    /** Read ranges from this Prometheus instead of Wharf's store (`PROMETHEUS_URL`). */
    readonly prometheusUrl: string | undefined
    /** A terminal closes after this many seconds without a keystroke (`WHARF_TERMINAL_IDLE`, 900). */
    readonly terminalIdleSeconds: number
  }
>()("observe/ObserveSettings") {
  static readonly layer = Layer.effect(
    ObserveSettings,
    Effect.gen(function* () {
      const { env } = yield* WharfConfig
      return {
        intervalSeconds: positiveSetting(env, INTERVAL_SETTING, INTERVAL_SECONDS),
        rawHours: positiveSetting(env, "WHARF_METRICS_RAW_HOURS", 48),
        rollupDays: positiveSetting(env, "WHARF_METRICS_ROLLUP_DAYS", 30),
        prometheusUrl: env.PROMETHEUS_URL?.replace(/\/+$/, "") || undefined,
        terminalIdleSeconds: positiveSetting(env, "WHARF_TERMINAL_IDLE", 900)
      }
    })
  )
}
