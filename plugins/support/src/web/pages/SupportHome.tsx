/**
 * @module The support page: what support covers, and the channels table with each
 * channel's live state, recomputed every minute on the viewer's clock in the time zone of
 * the channel's service calendar (with its holidays), as the server sent it.
 */
import { A } from "@solidjs/router"
import { Badge, Card, ErrorNotice, locale, Page, Table, t } from "@wharf/core/web"
import { createResource, createSignal, For, onCleanup, Show } from "solid-js"
import { openState, type ServiceHours, SUPPORT_TIME_ZONE } from "../../shared/hours"
import { api } from "../api"
import "../support.css"

const hoursLabel = { "7x24": "7×24", "5x8": "5×8", "7x8": "7×8" } as const

const State = (props: { hours: ServiceHours; now: Date }) => {
  const s = () => openState(props.hours, props.now)
  // In the calendar's zone (the page says Beijing time; another zone is named), whatever the viewer's clock.
  const when = () =>
    s().next
      ? new Intl.DateTimeFormat(locale(), {
          timeZone: props.hours.timeZone,
          ...(props.hours.timeZone === SUPPORT_TIME_ZONE ? {} : { timeZoneName: "short" as const }),
          weekday: "short",
          month: "numeric",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23"
        }).format(s().next!)
      : ""
  return (
    <span class="support-state">
      <span class={`support-dot ${s().open ? "open" : ""}`} aria-hidden="true" />
      {s().open
        ? s().next
          ? t("support.closesAt", { time: when() })
          : t("support.openNow")
        : s().next
          ? t(s().holiday ? "support.holidayOpensAt" : "support.opensAt", { time: when() })
          : t("support.closed")}
    </span>
  )
}

export default function SupportHome() {
  const [overview, { refetch }] = createResource(() => api.overview.query())
  const [now, setNow] = createSignal(new Date())
  const timer = setInterval(() => setNow(new Date()), 60_000)
  onCleanup(() => clearInterval(timer))
  const l = () => locale() as "zh-CN" | "en"
  return (
    <Page title={t("support.title")} subtitle={t("support.subtitle")}>
      <Show when={!overview.error} fallback={<ErrorNotice error={overview.error} onRetry={refetch} />}>
        <div class="support-scope">
          <For each={overview()?.scope}>
            {(s) => (
              <Card title={s.title[l()]}>
                <ul>
                  <For each={s.items}>{(i) => <li>{i[l()]}</li>}</For>
                </ul>
              </Card>
            )}
          </For>
        </div>
        <Card title={t("support.channels")}>
          <Table
            columns={[
              {
                header: t("support.channel"),
                cell: (c) => (
                  <>
                    {c.name[l()]}{" "}
                    <Show when={c.recommended}>
                      <Badge tone="success">{t("support.recommended")}</Badge>
                    </Show>
                  </>
                )
              },
              { header: t("support.hours"), cell: (c) => hoursLabel[c.calendar], width: "100px" },
              { header: t("support.useCase"), cell: (c) => c.useCase[l()] },
              {
                header: t("support.reach"),
                cell: (c) => (c.href ? <A href={c.href}>{c.reach[l()]}</A> : c.reach[l()])
              },
              { header: t("support.state"), cell: (c) => <State hours={c.hours} now={now()} /> }
            ]}
            rows={overview()?.channels}
            loading={overview.loading}
            empty={{ title: "—" }}
          />
        </Card>
      </Show>
    </Page>
  )
}
