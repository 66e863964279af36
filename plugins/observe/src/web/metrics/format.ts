/** @module Units of the metrics charts: CPU in cores (millicores below one), bytes, bit/s. */
import { formatBytes, t, tPlural } from "@wharf/core/web"
import type { MetricKind } from "../../shared/metrics"

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)))

const formatCores = (v: number) =>
  v === 0
    ? tPlural("observe.metrics.cores", 0)
    : v < 1
      ? t("observe.metrics.millicores", { n: Math.round(v * 1000) })
      : tPlural("observe.metrics.cores", Number(trim(v, 2)))

const formatBits = (v: number) => {
  const units = ["bit/s", "kbit/s", "Mbit/s", "Gbit/s"]
  let x = v
  let i = 0
  while (x >= 1000 && i < units.length - 1) {
    x /= 1000
    i++
  }
  return `${trim(x, x < 10 ? 2 : 1)} ${units[i]}`
}

/** The formatter of a metric's values, for axes and the tooltip. */
export const formatterOf = (metric: MetricKind): ((v: number) => string) =>
  metric === "cpu"
    ? formatCores
    : metric === "rx" || metric === "tx"
      ? formatBits
      : (v) => formatBytes(Math.round(v))
