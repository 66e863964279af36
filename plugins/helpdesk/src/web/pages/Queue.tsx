/**
 * @module Support's queue (工单队列): every ticket, filtered, sorted by SLA due time with
 * due and breached badges; a click opens the ticket with the handling panel.
 */
import { A } from "@solidjs/router"
import {
  Checkbox,
  type Column,
  createSearchBox,
  ErrorNotice,
  formatDateTime,
  Page,
  Pagination,
  SearchInput,
  Select,
  settled,
  Table,
  t
} from "@wharf/core/web"
import { createMemo, createResource, createSignal, Show } from "solid-js"
import { SEVERITIES, type Severity, STATUSES, type TicketStatus } from "../../shared/status"
import type { TicketSummary } from "../../shared/types"
import { api, severityLabel, statusLabel } from "../api"
import { categoryName, SeverityBadge, SlaBadge, StatusBadge, TenantName, TicketLink } from "../parts"
import "../helpdesk.css"

const LIMIT = 25

export default function Queue() {
  const [status, setStatus] = createSignal<TicketStatus | "open" | "">("open")
  const [severity, setSeverity] = createSignal<Severity | "">("")
  const [assignee, setAssignee] = createSignal("")
  const [sort, setSort] = createSignal<"due" | "updated" | "created">("due")
  const [breached, setBreached] = createSignal(false)
  const [search, setSearch] = createSignal("")
  const [offset, setOffset] = createSignal(0)
  const query = () => ({
    limit: LIMIT,
    offset: offset(),
    sort: sort(),
    ...(status() ? { status: status() as TicketStatus | "open" } : {}),
    ...(severity() ? { severity: severity() as Severity } : {}),
    ...(assignee() ? { assignee: assignee() } : {}),
    ...(breached() ? { breached: true } : {}),
    ...(search() ? { search: search() } : {})
  })
  const [page, { refetch }] = createResource(query, (q) => api.support.queue.query(q))
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setOffset(0)
    }
  const searchBox = createSearchBox("", filter(setSearch))

  const columns = createMemo(
    (): ReadonlyArray<Column<TicketSummary>> => [
      {
        header: t("helpdesk.field.number"),
        width: "90px",
        cell: (r) => <TicketLink number={r.number} href={`/support/tickets/${r.number}`} />
      },
      {
        header: t("helpdesk.field.title"),
        cell: (r) => (
          <A href={`/support/tickets/${r.number}`} class="hd-title-link">
            {r.title}
          </A>
        )
      },
      {
        header: t("helpdesk.field.status"),
        nowrap: true,
        cell: (r) => <StatusBadge status={r.status} side="support" />
      },
      {
        header: t("helpdesk.field.severity"),
        nowrap: true,
        cell: (r) => <SeverityBadge severity={r.severity} />
      },
      { header: t("helpdesk.field.sla"), nowrap: true, cell: (r) => <SlaBadge sla={r.sla} /> },
      { header: t("helpdesk.field.category"), nowrap: true, cell: (r) => categoryName(r.category) },
      {
        header: t("helpdesk.field.requester"),
        cell: (r) => (
          <span>
            {r.requester.name}
            <span class="muted">
              {" · "}
              <TenantName tenant={r.tenant} />
            </span>
          </span>
        )
      },
      {
        header: t("helpdesk.field.assignee"),
        nowrap: true,
        cell: (r) => r.assignee?.name ?? <span class="muted">{t("helpdesk.support.nobody")}</span>
      },
      {
        header: t("helpdesk.field.updated"),
        nowrap: true,
        cell: (r) => <span class="muted">{formatDateTime(r.updatedAt)}</span>
      }
    ]
  )

  return (
    <Page title={t("helpdesk.support.title")} subtitle={t("helpdesk.support.subtitle")}>
      <div class="toolbar hd-filters">
        <SearchInput
          value={searchBox.text()}
          onInput={searchBox.onInput}
          placeholder={t("helpdesk.mine.search")}
          label={t("helpdesk.mine.search")}
        />
        <Select
          label={t("helpdesk.field.status")}
          value={status()}
          onChange={(e) => filter(setStatus)(e.currentTarget.value as TicketStatus | "open" | "")}
          options={[
            { value: "open", label: t("helpdesk.support.status.open") },
            { value: "", label: t("helpdesk.all") },
            ...STATUSES.map((s) => ({ value: s, label: statusLabel(s, "support") }))
          ]}
        />
        <Select
          label={t("helpdesk.field.severity")}
          value={severity()}
          onChange={(e) => filter(setSeverity)(e.currentTarget.value as Severity | "")}
          options={[
            { value: "", label: t("helpdesk.all") },
            ...SEVERITIES.map((s) => ({ value: s, label: severityLabel(s) }))
          ]}
        />
        <Select
          label={t("helpdesk.field.assignee")}
          value={assignee()}
          onChange={(e) => filter(setAssignee)(e.currentTarget.value)}
          options={[
            { value: "", label: t("helpdesk.support.assignee.any") },
            { value: "me", label: t("helpdesk.support.assignee.me") },
            { value: "unassigned", label: t("helpdesk.support.assignee.unassigned") }
          ]}
        />
        <Select
          label={t("helpdesk.support.sort")}
          value={sort()}
          onChange={(e) => filter(setSort)(e.currentTarget.value as "due" | "updated" | "created")}
          options={(["due", "updated", "created"] as const).map((s) => ({
            value: s,
            label: t(`helpdesk.support.sort.${s}`)
          }))}
        />
        <Checkbox
          label={t("helpdesk.support.breachedOnly")}
          checked={breached()}
          onChange={filter(setBreached)}
        />
      </div>
      <Show
        when={!page.error || page.loading}
        fallback={<ErrorNotice error={page.error} onRetry={refetch} />}
      >
        <div class="card">
          <Table
            columns={columns()}
            rows={settled(page)?.items}
            loading={page.loading}
            caption={t("helpdesk.support.title")}
            empty={{ title: t("helpdesk.support.empty") }}
          />
          <Show when={(settled(page)?.total ?? 0) > LIMIT}>
            <Pagination
              offset={offset()}
              limit={LIMIT}
              total={settled(page)?.total ?? 0}
              onChange={setOffset}
            />
          </Show>
        </div>
      </Show>
    </Page>
  )
}
