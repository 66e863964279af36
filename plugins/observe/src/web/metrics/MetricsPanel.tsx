/**
 * @module A metrics panel: the range tabs at the top right, then one chart per quantity (CPU,
 * memory, network, storage) of a pod, an app instance by role, or a host. Short ranges (1h, 6h)
 * follow live: the panel asks again every collector interval and the chart slides.
 */
import { Card, EmptyState, ErrorNotice, Loading, settled, t } from "@wharf/core/web"
import { createMemo, createResource, createSignal, For, onCleanup, Show } from "solid-js"
import { type MetricKind, type MetricLine, type MetricsRange, RANGE_MS } from "../../shared/metrics"
import { metricsApi } from "./api"
import type { Quantity } from "./axis"
import { Chart, type ChartLine } from "./Chart"
import { type RangeChoice, RangeTabs } from "./RangeTabs"
import "./metrics.css"

export type MetricsTarget =
  | { target: "pod"; clusterId: string; namespace: string; pod: string; container?: string }
  | { target: "app"; clusterId: string; namespace: string; instance: string }
  | { target: "host"; clusterId: string; node: string }

/** Charts of a target: which metrics share a chart, under which title. */
const GROUPS: Record<MetricsTarget["target"], ReadonlyArray<{ title: Quantity; metrics: MetricKind[] }>> = {
  pod: [
    { title: "cpu", metrics: ["cpu"] },
    { title: "memory", metrics: ["memory"] },
    { title: "network", metrics: ["rx", "tx"] }
  ],
  app: [
    { title: "cpu", metrics: ["cpu"] },
    { title: "memory", metrics: ["memory"] }
  ],
  host: [
    { title: "cpu", metrics: ["cpu"] },
    { title: "memory", metrics: ["memory"] },
    { title: "network", metrics: ["rx", "tx"] },
    { title: "storage", metrics: ["fs", "fs_capacity"] }
  ]
}

/** The longest wait between a live range's questions (the collector's default cycle). */
const LIVE_MS = 15_000

const lineName = (l: MetricLine, target: MetricsTarget["target"]): string => {
  if (l.metric === "rx" || l.metric === "tx" || l.metric === "fs" || l.metric === "fs_capacity")
    return t(`observe.metrics.line.${l.metric}`)
  if (target === "host") return t(`observe.metrics.${l.metric}`)
  return l.label || t("observe.metrics.noRole")
}

export const MetricsPanel = (props: { of: MetricsTarget; title?: string; initial?: RangeChoice }) => {
  const [range, setRange] = createSignal<RangeChoice>(props.initial ?? { kind: "1h" })
  const [now, setNow] = createSignal(Date.now())
  const live = () => range().kind === "1h" || range().kind === "6h"

  const bounds = () => {
    const r = range()
    if (r.kind === "custom") return { from: r.from, to: r.to }
    const to = now()
    return { from: to - RANGE_MS[r.kind], to }
  }
  const [data] = createResource(
    () => ({ ...props.of, ...bounds() }),
    (q) => metricsApi.range.query(q) as Promise<MetricsRange>
  )
  // A live range asks again each collector cycle: its raw answer's step is that interval.
  // (`settled`: a failed answer's `latest` would throw here and end the timer's chain.)
  const liveMs = () => Math.min(LIVE_MS, Math.max(1000, (settled(data)?.step ?? 15) * 1000))
  let timer: ReturnType<typeof setTimeout>
  const follow = () => {
    timer = setTimeout(() => {
      if (live() && document.visibilityState === "visible") setNow(Date.now())
      follow()
    }, liveMs())
  }
  follow()
  onCleanup(() => clearTimeout(timer))
  const choose = (next: RangeChoice) => {
    setNow(Date.now())
    setRange(next)
  }
  const charts = createMemo(() => {
    const d = settled(data)
    if (!d) return []
    return GROUPS[props.of.target]
      .map((g) => ({
        title: g.title,
        lines: d.lines
          .filter((l) => g.metrics.includes(l.metric))
          .map((l): ChartLine => ({ name: lineName(l, props.of.target), line: l }))
      }))
      .filter((c) => c.lines.some((l) => l.line.t.length > 0))
  })

  return (
    <Card
      title={props.title ?? t("observe.metrics.title")}
      actions={<RangeTabs value={range()} onChange={choose} />}
      class="metrics-panel"
    >
      <Show when={data.error && !settled(data)}>
        <ErrorNotice error={data.error} />
      </Show>
      <Show when={!data.error || settled(data)}>
        <Show when={settled(data)} fallback={<Loading label={t("observe.metrics.loading")} />}>
          {(d) => (
            <>
              <div class="metrics-meta muted" aria-live="polite">
                {t(
                  d().source === "prometheus" ? "observe.metrics.fromPrometheus" : "observe.metrics.fromWharf"
                )}
                {" · "}
                {t("observe.metrics.step", { seconds: d().step })}
                <Show when={live()}> · {t("observe.metrics.live")}</Show>
                <Show when={data.loading}> · {t("observe.metrics.refreshing")}</Show>
              </div>
              <Show
                when={charts().length > 0}
                fallback={
                  <EmptyState title={t("observe.metrics.empty")} hint={t("observe.metrics.emptyHint")} />
                }
              >
                <div class="metrics-grid">
                  <For each={charts()}>
                    {(c) => (
                      <section class="metrics-cell" data-metric={c.title}>
                        <h3>{t(`observe.metrics.${c.title}`)}</h3>
                        <Chart
                          lines={c.lines}
                          quantity={c.title}
                          from={d().from}
                          to={d().to}
                          label={t(`observe.metrics.${c.title}`)}
                        />
                      </section>
                    )}
                  </For>
                </div>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </Card>
  )
}

/** An app instance's CPU and memory by role, for the app page (控制台). */
export const AppMetricsChart = (props: { clusterId: string; namespace: string; instance: string }) => (
  <MetricsPanel
    of={{ target: "app", clusterId: props.clusterId, namespace: props.namespace, instance: props.instance }}
    title={t("observe.metrics.appTitle")}
  />
)

/** A host's CPU, memory, network and storage: the host page's section. */
export const HostMetrics = (props: { clusterId: string; node: string }) => (
  <MetricsPanel
    of={{ target: "host", clusterId: props.clusterId, node: props.node }}
    title={t("observe.metrics.hostTitle")}
  />
)
