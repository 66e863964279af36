/**
 * @module Helpdesk settings for admins: categories, service calendars with their SLA
 * targets, the auto-close period, and the mail outbox (what the Mailer kept or sent).
 */
import {
  Badge,
  Button,
  Card,
  ErrorNotice,
  formatDateTime,
  locale,
  Page,
  Pagination,
  settled,
  Table,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import type { ServiceCalendarInfo } from "../../shared/types"
import { api, describe, severityLabel } from "../api"
import { calendarName, LinkedText } from "../parts"
import "../helpdesk.css"

const minutes = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`
/** Served weekdays as the reader says them: 周一二三四五, or Mon Tue Wed Thu Fri. */
const weekdays = (days: ReadonlyArray<number>) =>
  locale() === "en"
    ? days
        .map((d) =>
          new Date(Date.UTC(2024, 0, d)).toLocaleDateString("en", { weekday: "short", timeZone: "UTC" })
        )
        .join(" ")
    : `周${days.map((d) => "一二三四五六日"[d - 1]).join("")}`

/** An admin names a calendar in Chinese and, optionally, in English (empty: English readers see the Chinese). */
const CalendarNames = (props: { calendar: ServiceCalendarInfo; onSaved: () => void }) => {
  const [name, setName] = createSignal(props.calendar.name)
  const [nameEn, setNameEn] = createSignal(props.calendar.nameEn ?? "")
  const [error, setError] = createSignal<string>()
  const save = async (e: SubmitEvent) => {
    e.preventDefault()
    setError(undefined)
    const r = await api.admin.updateCalendar
      .mutate({ id: props.calendar.id, name: name().trim(), nameEn: nameEn().trim() || null })
      .catch((err: unknown) => setError(describe(err)))
    if (!r) return
    toast(t("helpdesk.support.saved"))
    props.onSaved()
  }
  return (
    <form class="hd-inline-form" onSubmit={save}>
      <TextInput
        label={t("helpdesk.admin.nameZh")}
        maxLength={60}
        required
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <TextInput
        label={t("helpdesk.admin.nameEn")}
        maxLength={60}
        value={nameEn()}
        onInput={(e) => setNameEn(e.currentTarget.value)}
      />
      <Button type="submit">{t("helpdesk.admin.save")}</Button>
      <Show when={error()}>
        <div class="notice notice-error" role="alert">
          {error()}
        </div>
      </Show>
    </form>
  )
}

const Categories = () => {
  const [list, { refetch }] = createResource(() => api.admin.categories.query())
  const [name, setName] = createSignal("")
  const [nameEn, setNameEn] = createSignal("")
  const [error, setError] = createSignal<string>()
  const add = async (e: SubmitEvent) => {
    e.preventDefault()
    try {
      await api.admin.createCategory.mutate({ name: name(), nameEn: nameEn() })
      setName("")
      setNameEn("")
      setError(undefined)
      refetch()
    } catch (err) {
      setError(describe(err))
    }
  }
  return (
    <Card title={t("helpdesk.admin.categories")}>
      <Table
        columns={[
          { header: t("helpdesk.admin.nameZh"), cell: (c) => c.name },
          { header: t("helpdesk.admin.nameEn"), cell: (c) => c.nameEn },
          {
            header: t("helpdesk.field.status"),
            cell: (c) => (
              <Badge tone={c.active ? "success" : "neutral"}>
                {t(c.active ? "helpdesk.admin.active" : "helpdesk.admin.inactive")}
              </Badge>
            )
          },
          {
            header: "",
            align: "right",
            cell: (c) => (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => api.admin.updateCategory.mutate({ id: c.id, active: !c.active }).then(refetch)}
              >
                {t(c.active ? "helpdesk.admin.disable" : "helpdesk.admin.enable")}
              </Button>
            )
          }
        ]}
        rows={settled(list)}
        loading={list.loading}
        empty={{ title: t("helpdesk.admin.categories") }}
      />
      <form class="hd-inline-form" onSubmit={add}>
        <TextInput
          label={t("helpdesk.admin.nameZh")}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t("helpdesk.admin.nameEn")}
          value={nameEn()}
          onInput={(e) => setNameEn(e.currentTarget.value)}
          required
        />
        <Button type="submit" variant="primary">
          {t("helpdesk.admin.addCategory")}
        </Button>
      </form>
      <Show when={error()}>
        <div class="notice notice-error" role="alert">
          {error()}
        </div>
      </Show>
    </Card>
  )
}

const Calendars = () => {
  const [list, { refetch }] = createResource(() => api.admin.calendars.query())
  return (
    <Card title={t("helpdesk.admin.calendars")}>
      <Show when={!list.error} fallback={<ErrorNotice error={list.error} />}>
        <div class="hd-calendars">
          <For each={settled(list)}>
            {(c) => (
              <div class="hd-calendar">
                <h3>
                  {calendarName(c)}{" "}
                  <Show when={c.isDefault}>
                    <Badge tone="info">{t("helpdesk.admin.default")}</Badge>
                  </Show>
                </h3>
                <p class="muted">
                  {t("helpdesk.admin.hours")}: {weekdays(c.days)} {minutes(c.startMinute)}–
                  {minutes(c.endMinute)} · {c.timeZone}
                </p>
                <p class="muted">
                  {t("helpdesk.admin.holidays")}: {c.holidays.length}
                </p>
                <CalendarNames calendar={c} onSaved={refetch} />
                <table class="table hd-targets">
                  <tbody>
                    <For each={c.targets}>
                      {(tg) => (
                        <tr>
                          <td>{severityLabel(tg.severity)}</td>
                          <td class="mono">
                            {tg.firstResponseMinutes} / {tg.resolutionMinutes}
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            )}
          </For>
        </div>
        <p class="muted">{t("helpdesk.admin.minutes")}</p>
      </Show>
    </Card>
  )
}

const AutoClose = () => {
  const [settings] = createResource(() => api.admin.settings.query())
  const [days, setDays] = createSignal<string>()
  const save = async (e: SubmitEvent) => {
    e.preventDefault()
    await api.admin.setSettings.mutate({ autoCloseDays: Number(days() ?? settings()?.autoCloseDays) })
    toast(t("helpdesk.support.saved"))
  }
  return (
    <Card title={t("helpdesk.admin.autoClose")}>
      <form class="hd-inline-form" onSubmit={save}>
        <TextInput
          label="N"
          type="number"
          min={1}
          max={90}
          value={days() ?? settings()?.autoCloseDays ?? ""}
          onInput={(e) => setDays(e.currentTarget.value)}
        />
        <Button type="submit" variant="primary">
          {t("helpdesk.admin.save")}
        </Button>
      </form>
    </Card>
  )
}

const Outbox = () => {
  const [offset, setOffset] = createSignal(0)
  const [page] = createResource(offset, (o) => api.admin.outbox.query({ limit: 10, offset: o }))
  const [open, setOpen] = createSignal<string>()
  return (
    <Card title={t("helpdesk.admin.outbox")}>
      <p class="muted">
        {settled(page)?.transport === "smtp"
          ? t("helpdesk.admin.outboxSmtp")
          : t("helpdesk.admin.outboxHint")}
      </p>
      <Table
        columns={[
          {
            header: t("helpdesk.field.created"),
            cell: (m) => <span class="muted">{formatDateTime(m.createdAt)}</span>
          },
          { header: t("helpdesk.admin.to"), cell: (m) => <span class="mono">{m.to.join(", ")}</span> },
          {
            header: t("helpdesk.admin.subject"),
            cell: (m) => (
              <div>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => setOpen(open() === m.id ? undefined : m.id)}
                >
                  {m.subject}
                </button>
                <Show when={open() === m.id}>
                  <pre class="hd-mail-body">
                    <LinkedText text={m.text} />
                  </pre>
                </Show>
              </div>
            )
          },
          {
            header: t("helpdesk.admin.mailStatus"),
            cell: (m) => (
              <Badge tone={m.status === "sent" ? "success" : m.status === "failed" ? "danger" : "neutral"}>
                {m.status}
              </Badge>
            )
          }
        ]}
        rows={settled(page)?.items}
        loading={page.loading}
        empty={{ title: t("helpdesk.admin.noMail") }}
      />
      <Show when={(settled(page)?.total ?? 0) > 10}>
        <Pagination offset={offset()} limit={10} total={settled(page)?.total ?? 0} onChange={setOffset} />
      </Show>
    </Card>
  )
}

export default function Admin() {
  return (
    <Page title={t("helpdesk.admin.title")}>
      <div class="hd-admin">
        <Categories />
        <AutoClose />
        <Calendars />
        <Outbox />
      </div>
    </Page>
  )
}
