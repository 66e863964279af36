/**
 * @module 当前日志: a container's log, followed live. Tail and time range choose where it
 * starts; the previous run shows the log from before the last restart; timestamps and wrapping
 * are display choices; pause keeps new lines aside; search highlights and Enter jumps to the
 * next match; download fetches the whole log. The browser keeps the last LOG_VIEW_LINES lines.
 */
import {
  Button,
  Checkbox,
  describeError,
  EmptyState,
  formatNumber,
  Highlighted,
  SearchInput,
  Select,
  t
} from "@wharf/core/web"
import { createEffect, createMemo, createSignal, For, onCleanup, Show } from "solid-js"
import { type ContainerInfo, LOG_VIEW_LINES, type LogLine, type PodContainer } from "../../shared"
import { type LogOptions, logsDownloadUrl } from "../api"
import { followLog, type LogStreamState } from "../logStream"
import { appendBounded, matches, segmentsOf } from "../logView"
import { PodFrame, usePodPage } from "../PodFrame"

const TAILS = [100, 500, 1000, 5000]
const SINCE = ["all", "300", "3600", "86400"]

const LogView = (props: { target: PodContainer; container: ContainerInfo; log: LogOptions }) => {
  const [lines, setLines] = createSignal<LogLine[]>([])
  const [held, setHeld] = createSignal<LogLine[]>([])
  const [paused, setPaused] = createSignal(false)
  const [dropped, setDropped] = createSignal(0)
  const [state, setState] = createSignal<LogStreamState>({ kind: "connecting" })
  const [timestamps, setTimestamps] = createSignal(true)
  const [wrap, setWrap] = createSignal(false)
  const [query, setQuery] = createSignal("")
  let box!: HTMLDivElement
  let atBottom = true
  let nextMatch = 0

  const stop = followLog({
    target: props.target,
    log: props.log,
    onLines: (more) =>
      paused() ? setHeld((h) => appendBounded(h, more)) : setLines((l) => appendBounded(l, more)),
    onDropped: (n) => setDropped((d) => d + n),
    onState: setState
  })
  onCleanup(stop)

  // Stay at the end while following, unless the reader scrolled up to read.
  createEffect(() => {
    lines()
    if (atBottom)
      queueMicrotask(() => {
        box.scrollTop = box.scrollHeight
      })
  })
  const togglePause = () => {
    if (paused()) {
      setLines((l) => appendBounded(l, held()))
      setHeld([])
    }
    setPaused(!paused())
  }
  const matchCount = createMemo(() => (query() ? lines().filter((l) => matches(l, query())).length : 0))
  const jumpToMatch = () => {
    const marks = box.querySelectorAll<HTMLElement>(".log-line.match")
    if (marks.length === 0) return
    nextMatch = nextMatch % marks.length
    marks[nextMatch]!.scrollIntoView({ block: "center" })
    nextMatch++
  }
  const status = () => {
    const s = state()
    if (s.kind === "failed") return describeError(s.error)
    if (s.kind === "ended") return t("observe.logs.ended")
    if (s.kind === "reconnecting") return t("observe.logs.reconnecting")
    if (s.kind === "connecting") return t("common.loading")
    return paused()
      ? t("observe.logs.paused", { count: formatNumber(held().length) })
      : t("observe.logs.following", { limit: formatNumber(LOG_VIEW_LINES) })
  }

  return (
    <div class="observe-logs-frame">
      <div class="observe-actions">
        <p
          class="observe-status"
          role="status"
          aria-live="polite"
          data-state={paused() && state().kind === "following" ? "paused" : state().kind}
        >
          {status()}
          <Show when={dropped() > 0}> · {t("observe.logs.dropped", { count: formatNumber(dropped()) })}</Show>
        </p>
        <form
          class="observe-search"
          onSubmit={(e) => {
            e.preventDefault()
            jumpToMatch()
          }}
        >
          <SearchInput
            label={t("observe.search")}
            placeholder={t("observe.search")}
            value={query()}
            onInput={setQuery}
          />
          <Show when={query()}>
            <span class="muted nowrap">{t("observe.matches", { count: formatNumber(matchCount()) })}</span>
          </Show>
        </form>
        <Checkbox label={t("observe.timestamps")} checked={timestamps()} onChange={setTimestamps} />
        <Checkbox label={t("observe.wrap")} checked={wrap()} onChange={setWrap} />
        <Button
          variant="secondary"
          onClick={togglePause}
          disabled={state().kind !== "following"}
          aria-pressed={paused()}
        >
          {paused() ? t("observe.resume") : t("observe.pause")}
        </Button>
        <Button variant="ghost" onClick={() => setLines([])}>
          {t("observe.clear")}
        </Button>
        <a class="btn btn-secondary" href={logsDownloadUrl(props.target, props.log)} download="">
          {t("observe.download")}
        </a>
      </div>
      <Show when={state().kind === "failed"}>
        <p class="notice notice-error" role="alert">
          {status()}
        </p>
      </Show>
      <div
        ref={box}
        class="observe-log"
        classList={{ wrap: wrap() }}
        role="log"
        aria-label={t("observe.logs")}
        onScroll={() => {
          atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 24
        }}
      >
        <Show
          when={lines().length > 0}
          fallback={
            <Show when={state().kind !== "failed"}>
              <EmptyState title={t("observe.logs.empty")} hint={t("observe.logs.emptyHint")} />
            </Show>
          }
        >
          <For each={lines()}>
            {(line) => (
              <div class="log-line" classList={{ match: matches(line, query()) }}>
                <Show when={timestamps() && line.t}>
                  <span class="log-time">{line.t.replace(/\.(\d{3})\d*Z$/, ".$1Z")} </span>
                </Show>
                <Highlighted segments={segmentsOf(line.text, query())} />
              </div>
            )}
          </For>
        </Show>
      </div>
      <p class="field-hint">{t("observe.logs.bound", { limit: formatNumber(LOG_VIEW_LINES) })}</p>
    </div>
  )
}

export default function Logs() {
  const page = usePodPage()
  const [tail, setTail] = createSignal(500)
  const [since, setSince] = createSignal("all")
  const [previous, setPrevious] = createSignal(false)
  const log = createMemo<LogOptions>(
    () => ({
      tail: tail(),
      sinceSeconds: since() === "all" ? null : Number(since()),
      previous: previous() && !!page.container()?.hasPrevious
    }),
    { tail: 500, sinceSeconds: null, previous: false },
    { equals: (a, b) => a.tail === b.tail && a.sinceSeconds === b.sinceSeconds && a.previous === b.previous }
  )
  return (
    <PodFrame
      page={page}
      kind="logs"
      controls={
        <>
          <Select
            label={t("observe.tail")}
            value={String(tail())}
            options={TAILS.map((n) => ({ value: String(n), label: formatNumber(n) }))}
            onChange={(e) => setTail(Number(e.currentTarget.value))}
          />
          <Select
            label={t("observe.since")}
            value={since()}
            options={SINCE.map((s) => ({ value: s, label: t(`observe.since.${s}`) }))}
            onChange={(e) => setSince(e.currentTarget.value)}
          />
          <Checkbox
            label={t("observe.previous")}
            hint={page.container()?.hasPrevious ? t("observe.previousHint") : t("observe.noPrevious")}
            checked={previous() && !!page.container()?.hasPrevious}
            disabled={!page.container()?.hasPrevious}
            onChange={setPrevious}
          />
        </>
      }
    >
      {(_, target) => (
        <Show when={log()} keyed>
          {(options) => <LogView target={target} container={page.container()!} log={options} />}
        </Show>
      )}
    </PodFrame>
  )
}
