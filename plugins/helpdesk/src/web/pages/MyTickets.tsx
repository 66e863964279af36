/**
 * @module 我的工单: every ticket the user and their groups filed, with status and severity
 * filters, search and pagination (SPEC HD-5).
 */
import { A, useNavigate } from "@solidjs/router"
import {
  Button,
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
import { categoryName, SeverityBadge, StatusBadge, TenantName, TicketLink } from "../parts"
import "../helpdesk.css"

const LIMIT = 20

export default function MyTickets() {
  const navigate = useNavigate()
  const [status, setStatus] = createSignal<TicketStatus | "">("")
  const [severity, setSeverity] = createSignal<Severity | "">("")
  const [search, setSearch] = createSignal("")
  const [offset, setOffset] = createSignal(0)
  const searchBox = createSearchBox("", (value) => {
    setSearch(value)
    setOffset(0)
  })
  const query = () => ({
    limit: LIMIT,
    offset: offset(),
    ...(status() ? { status: status() as TicketStatus } : {}),
    ...(severity() ? { severity: severity() as Severity } : {}),
    ...(search() ? { search: search() } : {}),
    mine: true
  })
  const [page, { refetch }] = createResource(query, (q) => api.tickets.list.query(q))

  const columns = createMemo(
    (): ReadonlyArray<Column<TicketSummary>> => [
      {
        header: t("helpdesk.field.number"),
        width: "96px",
        cell: (r) => <TicketLink number={r.number} href={`/tickets/${r.number}`} />
      },
      {
        header: t("helpdesk.field.title"),
        cell: (r) => (
          <A href={`/tickets/${r.number}`} class="hd-title-link">
            {r.title}
          </A>
        )
      },
      { header: t("helpdesk.field.status"), nowrap: true, cell: (r) => <StatusBadge status={r.status} /> },
      { header: t("helpdesk.field.severity"), cell: (r) => <SeverityBadge severity={r.severity} /> },
      { header: t("helpdesk.field.category"), cell: (r) => categoryName(r.category) },
      {
        header: t("helpdesk.field.tenant"),
        cell: (r) => <TenantName tenant={r.tenant} />
      },
      {
        header: t("helpdesk.field.updated"),
        nowrap: true,
        cell: (r) => <span class="muted">{formatDateTime(r.updatedAt)}</span>
      }
    ]
  )

  return (
    <Page
      title={t("helpdesk.mine.title")}
      subtitle={t("helpdesk.mine.subtitle")}
      actions={
        <Button variant="primary" onClick={() => navigate("/tickets/new")}>
          {t("helpdesk.create")}
        </Button>
      }
    >
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
          onChange={(e) => {
            setStatus(e.currentTarget.value as TicketStatus | "")
            setOffset(0)
          }}
          options={[
            { value: "", label: t("helpdesk.all") },
            ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))
          ]}
        />
        <Select
          label={t("helpdesk.field.severity")}
          value={severity()}
          onChange={(e) => {
            setSeverity(e.currentTarget.value as Severity | "")
            setOffset(0)
          }}
          options={[
            { value: "", label: t("helpdesk.all") },
            ...SEVERITIES.map((s) => ({ value: s, label: severityLabel(s) }))
          ]}
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
            caption={t("helpdesk.mine.title")}
            empty={{
              title: t("helpdesk.mine.empty"),
              hint: t("helpdesk.mine.emptyHint"),
              action: (
                <Button variant="primary" onClick={() => navigate("/tickets/new")}>
                  {t("helpdesk.create")}
                </Button>
              )
            }}
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
