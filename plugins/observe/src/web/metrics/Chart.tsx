/**
 * @module One uPlot chart of metric lines over time: sized to its box, its value axis in one
 * unit with round steps (./axis), a tooltip at the cursor with the time and each line's value
 * in the axis's unit (and the bucket's min–max on long ranges).
 */
import { locale, tPlural } from "@wharf/core/web"
import { createEffect, onCleanup, onMount } from "solid-js"
import uPlot from "uplot"
import "uplot/dist/uPlot.min.css"
import type { MetricLine } from "../../shared/metrics"
import { extent, type Quantity, valueAxis } from "./axis"

const COLORS = ["#2f6bed", "#1f8a4c", "#b26b00", "#c8372d", "#7b4bd6", "#0f8b8d", "#8a94a3"]

export interface ChartLine {
  readonly name: string
  readonly line: MetricLine
}

/** Lines joined on one time axis (uPlot wants one x array); gaps where a line has no point. */
const aligned = (lines: ReadonlyArray<ChartLine>): uPlot.AlignedData => {
  const times = [...new Set(lines.flatMap((l) => l.line.t))].sort((a, b) => a - b)
  const index = new Map(times.map((t, i) => [t, i]))
  const ys = lines.map((l) => {
    const y: (number | null)[] = new Array(times.length).fill(null)
    l.line.t.forEach((t, i) => {
      y[index.get(t)!] = l.line.avg[i] ?? null
    })
    return y
  })
  return [times.map((t) => t / 1000), ...ys]
}

/** Names come from pod labels (anyone who deploys sets them): never HTML. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const timeText = (s: number) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: "short", timeStyle: "medium" }).format(new Date(s * 1000))

/** The axes' font, also used to measure their labels. */
const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif'
let measurer: CanvasRenderingContext2D | null | undefined
const textWidth = (text: string) => {
  measurer ??= document.createElement("canvas").getContext("2d")
  if (!measurer) return text.length * 7
  measurer.font = AXIS_FONT
  return measurer.measureText(text).width
}

/** "0.50 cores" but "1 core": English counts a written fraction as many, even 1.00. */
const coresText = (amount: string) =>
  tPlural("observe.metrics.cores", amount.includes(".") ? 0.5 : Number(amount), { count: amount })

/** The value axis as wide as its longest label ("0.15 cores", "1.5 GiB"), plus the ticks and a gap. */
const valueAxisSize = (_u: uPlot, values: string[] | null) =>
  Math.ceil(Math.max(32, ...(values ?? []).map(textWidth))) + 18

/**
 * Time labels in the viewer's language (uPlot's own are English): hours and minutes, or the
 * date when ticks are a day or more apart; a tick on a new day also names the day.
 */
const timeLabels = (_u: uPlot, splits: number[]) => {
  const lang = locale()
  const date = new Intl.DateTimeFormat(lang, { month: "numeric", day: "numeric" })
  const time = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit" })
  const daily = splits.length > 1 && splits[1]! - splits[0]! >= 86_400
  return splits.map((s, i) => {
    const at = new Date(s * 1000)
    if (daily) return date.format(at)
    const newDay = i === 0 || new Date(splits[i - 1]! * 1000).toDateString() !== at.toDateString()
    return newDay ? `${time.format(at)}\n${date.format(at)}` : time.format(at)
  })
}

export const Chart = (props: {
  lines: ReadonlyArray<ChartLine>
  quantity: Quantity
  /** x scale bounds, epoch ms: the chosen range even where data is missing. */
  from: number
  to: number
  height?: number
  label: string
}) => {
  let box!: HTMLDivElement
  let tip!: HTMLDivElement
  let plot: uPlot | undefined
  let format = (v: number) => String(v)

  const tooltip = (u: uPlot) => {
    const i = u.cursor.idx
    if (i === null || i === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
      tip.style.display = "none"
      return
    }
    const rows = props.lines.map((l, k) => {
      const v = u.data[k + 1]?.[i]
      const at = l.line.t.indexOf((u.data[0][i] ?? 0) * 1000)
      const min = at >= 0 ? l.line.min?.[at] : undefined
      const max = at >= 0 ? l.line.max?.[at] : undefined
      const [low, high] = [min, max].map((x) => (x == null ? undefined : format(x)))
      // The bucket's spread, when it has one worth showing.
      const range = low !== undefined && high !== undefined && low !== high ? ` (${low} – ${high})` : ""
      return `<div><i style="background:${COLORS[k % COLORS.length]}"></i>${escapeHtml(l.name)}: <b>${v == null ? "—" : format(v)}</b>${range}</div>`
    })
    tip.innerHTML = `<div class="metrics-tip-time">${timeText(u.data[0][i] ?? 0)}</div>${rows.join("")}`
    tip.style.display = "block"
    const left = u.cursor.left + 12
    tip.style.left = `${Math.min(left, box.clientWidth - tip.offsetWidth - 4)}px`
    tip.style.top = `${(u.cursor.top ?? 0) + 12}px`
  }

  const build = () => {
    plot?.destroy()
    const axis = valueAxis(props.quantity, extent(props.lines.map((l) => l.line.avg)), coresText)
    format = axis.format
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height: props.height ?? 200,
      legend: { show: props.lines.length > 1, live: false },
      scales: {
        x: { time: true, range: () => [props.from / 1000, props.to / 1000] },
        y: { range: () => [axis.min, axis.max] }
      },
      series: [
        {},
        ...props.lines.map((l, k) => ({
          label: l.name,
          stroke: COLORS[k % COLORS.length]!,
          width: 1.5,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v == null ? "—" : format(v))
        }))
      ],
      axes: [
        { font: AXIS_FONT, values: timeLabels },
        {
          font: AXIS_FONT,
          size: valueAxisSize,
          splits: () => [...axis.ticks],
          values: () => [...axis.labels]
        }
      ],
      hooks: { setCursor: [tooltip] }
    }
    plot = new uPlot(opts, aligned(props.lines), box)
    plot.root.setAttribute("aria-label", props.label)
  }

  onMount(() => {
    const resize = new ResizeObserver(() =>
      plot?.setSize({ width: Math.max(200, box.clientWidth), height: props.height ?? 200 })
    )
    resize.observe(box)
    onCleanup(() => {
      resize.disconnect()
      plot?.destroy()
    })
  })
  // A new range or new lines rebuild the plot (series may have changed); locale changes the texts.
  createEffect(() => {
    void props.lines
    void props.from
    void props.to
    void locale()
    build()
  })

  return (
    <div class="metrics-chart" ref={box}>
      <div class="metrics-tip" ref={tip} />
    </div>
  )
}
