/**
 * @module The time tabs at a metrics panel's top right (1小时 / 6小时 / 1天 / 7天 / 自定义), the seed's
 * "根据页面右上角不同的时间选项卡来查看不同周期下的使用情况"; 自定义 opens two date-time fields.
 */
import { Button, t } from "@wharf/core/web"
import { createSignal, For, Show } from "solid-js"
import { METRIC_RANGES, type MetricRange } from "../../shared/metrics"

export type RangeChoice = { kind: MetricRange } | { kind: "custom"; from: number; to: number }

/** `datetime-local` wants local time without a zone. */
const localInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 16)
}

export const RangeTabs = (props: { value: RangeChoice; onChange: (next: RangeChoice) => void }) => {
  const [from, setFrom] = createSignal(localInput(Date.now() - 86_400_000))
  const [to, setTo] = createSignal(localInput(Date.now()))
  const [editing, setEditing] = createSignal(false)
  const apply = () => {
    const f = new Date(from()).getTime()
    const e = new Date(to()).getTime()
    if (Number.isFinite(f) && Number.isFinite(e) && e > f) {
      props.onChange({ kind: "custom", from: f, to: e })
      setEditing(false)
    }
  }
  return (
    <div class="metrics-range">
      <div class="metrics-tabs" role="tablist" aria-label={t("observe.metrics.range")}>
        <For each={METRIC_RANGES}>
          {(r) => (
            <button
              type="button"
              role="tab"
              aria-selected={props.value.kind === r}
              classList={{ active: props.value.kind === r }}
              onClick={() => {
                setEditing(false)
                props.onChange({ kind: r })
              }}
            >
              {t(`observe.metrics.range.${r}`)}
            </button>
          )}
        </For>
        <button
          type="button"
          role="tab"
          aria-selected={props.value.kind === "custom"}
          classList={{ active: props.value.kind === "custom" }}
          onClick={() => setEditing(!editing())}
        >
          {t("observe.metrics.range.custom")}
        </button>
      </div>
      <Show when={editing()}>
        <div class="metrics-custom">
          <label>
            {t("observe.metrics.from")}
            <input type="datetime-local" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t("observe.metrics.to")}
            <input type="datetime-local" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <Button variant="primary" size="sm" onClick={apply}>
            {t("observe.metrics.apply")}
          </Button>
        </div>
      </Show>
    </div>
  )
}
