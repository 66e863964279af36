/**
 * @module Range queries answered by a Prometheus (`PROMETHEUS_URL`): PromQL over its HTTP API
 * (`/api/v1/query_range`) on cAdvisor's names, joined with kube-state-metrics' `kube_pod_labels`
 * for an app's roles. Counters become rates; CPU in cores, network in bit/s like the store.
 */
import { Unavailable } from "@wharf/core"
import { Effect } from "effect"
import type { MetricKind, MetricLine, MetricsRange, MetricsRangeInput } from "../../shared/metrics"
import { HOUR_MS } from "./codec"

/** A PromQL string literal. */
const q = (v: string) => JSON.stringify(v)

interface Query {
  readonly metric: MetricKind
  readonly promql: string
  /** The result label that names the line (container, role), or none. */
  readonly by?: string
}

/** The queries of a target, with `w` the rate window. */
function queriesOf(input: MetricsRangeInput, w: string): Query[] {
  if (input.target === "host") {
    const at = `id="/",node=${q(input.node ?? "")}`
    return [
      { metric: "cpu", promql: `sum(rate(container_cpu_usage_seconds_total{${at}}[${w}]))` },
      { metric: "memory", promql: `sum(avg_over_time(container_memory_working_set_bytes{${at}}[${w}]))` },
      { metric: "rx", promql: `8 * sum(rate(container_network_receive_bytes_total{${at}}[${w}]))` },
      { metric: "tx", promql: `8 * sum(rate(container_network_transmit_bytes_total{${at}}[${w}]))` },
      { metric: "fs", promql: `sum(container_fs_usage_bytes{${at}})` },
      { metric: "fs_capacity", promql: `sum(container_fs_limit_bytes{${at}})` }
    ]
  }
  const ns = `namespace=${q(input.namespace ?? "")}`
  if (input.target === "app") {
    const role = "label_app_kubernetes_io_component"
    const join = `* on(namespace, pod) group_left(${role}) kube_pod_labels{${ns},label_wharf_io_app_instance=${q(input.instance ?? "")}}`
    return [
      {
        metric: "cpu",
        by: role,
        promql: `sum by (${role}) (rate(container_cpu_usage_seconds_total{${ns},container!=""}[${w}]) ${join})`
      },
      {
        metric: "memory",
        by: role,
        promql: `sum by (${role}) (avg_over_time(container_memory_working_set_bytes{${ns},container!=""}[${w}]) ${join})`
      }
    ]
  }
  const pod = `${ns},pod=${q(input.pod ?? "")}`
  const containers = `${pod},container${input.container ? `=${q(input.container)}` : '!=""'}`
  return [
    {
      metric: "cpu",
      by: "container",
      promql: `sum by (container) (rate(container_cpu_usage_seconds_total{${containers}}[${w}]))`
    },
    {
      metric: "memory",
      by: "container",
      promql: `sum by (container) (avg_over_time(container_memory_working_set_bytes{${containers}}[${w}]))`
    },
    { metric: "rx", promql: `8 * sum(rate(container_network_receive_bytes_total{${pod}}[${w}]))` },
    { metric: "tx", promql: `8 * sum(rate(container_network_transmit_bytes_total{${pod}}[${w}]))` }
  ]
}

/** Prometheus' step for a span: about 240–1440 points, like the store's resolutions. */
const promStep = (spanMs: number, scrapeSeconds: number): number =>
  spanMs <= 6 * HOUR_MS ? Math.max(scrapeSeconds, 15) : spanMs <= 8 * 24 * HOUR_MS ? 300 : 3600

interface QueryRangeAnswer {
  status: string
  error?: string
  data?: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> }
}

export const prometheusRange = Effect.fn("MetricsRange.prometheus")(function* (
  baseUrl: string,
  input: MetricsRangeInput,
  scrapeSeconds = 15
) {
  const step = promStep(input.to - input.from, scrapeSeconds)
  // A rate needs at least two scrapes in its window.
  const w = `${Math.max(step, 4 * scrapeSeconds)}s`
  const queries = queriesOf(input, w)
  const answers = yield* Effect.forEach(
    queries,
    (query) =>
      Effect.tryPromise({
        try: async () => {
          const params = new URLSearchParams({
            query: query.promql,
            start: String(input.from / 1000),
            end: String(input.to / 1000),
            step: `${step}s`
          })
          const r = await fetch(`${baseUrl}/api/v1/query_range`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: params,
            signal: AbortSignal.timeout(10_000)
          })
          const body = (await r.json()) as QueryRangeAnswer
          if (body.status !== "success") throw new Error(body.error ?? `HTTP ${r.status}`)
          return body.data?.result ?? []
        },
        catch: (e) => new Unavailable({ message: `Prometheus did not answer: ${(e as Error).message}` })
      }),
    { concurrency: 4 }
  )
  const lines: MetricLine[] = queries.flatMap((query, i) =>
    answers[i]!.map((r) => ({
      metric: query.metric,
      label: query.by ? (r.metric[query.by] ?? "") : "",
      t: r.values.map(([t]) => Math.round(t * 1000)),
      avg: r.values.map(([, v]) => (Number.isFinite(Number(v)) ? Number(v) : null))
    }))
  )
  return { source: "prometheus", step, from: input.from, to: input.to, lines } satisfies MetricsRange
})
