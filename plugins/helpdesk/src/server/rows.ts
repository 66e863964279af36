/**
 * @module How a ticket row is read and shown: the one SELECT every read path uses, and
 * the mapping to the API's shapes (with the SLA state for support views).
 */
import type { Sql } from "@wharf/core"
import type postgres from "postgres"
import type { Severity, TicketStatus } from "../shared/status"
import type { SlaState, TicketSummary } from "../shared/types"

/** A piece of SQL to splice into another statement. */
export type Fragment = postgres.PendingQuery<postgres.Row[]>

export interface TicketRow {
  id: string
  number: string
  title: string
  severity: Severity
  status: TicketStatus
  category_id: string
  category_name: string
  category_name_en: string
  product: string | null
  version: string | null
  description: string
  requester_id: string | null
  requester_name: string
  requester_email: string
  tenant_kind: "user" | "group" | "guest"
  tenant_id: string | null
  tenant_name: string
  assignee_id: string | null
  assignee_name: string | null
  calendar_id: string | null
  calendar_name: string | null
  calendar_name_en: string | null
  first_response_due: Date | null
  resolution_due: Date | null
  first_responded_at: Date | null
  first_response_breached_at: Date | null
  resolution_breached_at: Date | null
  status_changed_at: Date
  closed_at: Date | null
  created_at: Date
  updated_at: Date
}

/** The columns of `TicketRow`, from `helpdesk.tickets t` joined to its category and calendar. */
export const ticketColumns = (sql: Sql) => sql`
  t.id, t.number, t.title, t.severity, t.status, t.category_id, c.name as category_name,
  c.name_en as category_name_en, t.product, t.version, t.description, t.requester_id, t.requester_name,
  t.requester_email, t.tenant_kind, t.tenant_id, t.tenant_name, t.assignee_id, t.assignee_name,
  t.calendar_id, cal.name as calendar_name, cal.name_en as calendar_name_en, t.first_response_due, t.resolution_due, t.first_responded_at,
  t.first_response_breached_at, t.resolution_breached_at, t.status_changed_at, t.closed_at, t.created_at,
  t.updated_at`

/** What a list row needs for `toSummary`: the SLA's columns only for support's lists. */
const SUMMARY = `t.number, t.title, t.severity, t.status, t.category_id, c.name as category_name,
  c.name_en as category_name_en, t.requester_id, t.requester_name, t.tenant_kind, t.tenant_name,
  t.assignee_id, t.assignee_name, t.created_at, t.updated_at`
const SLA = `cal.name as calendar_name, cal.name_en as calendar_name_en, t.first_response_due, t.resolution_due, t.first_responded_at,
  t.first_response_breached_at, t.resolution_breached_at, t.closed_at`

/** Lists select these, not `ticketColumns`: a page of descriptions and e-mail addresses
 * nobody shows costs the server more to decode than the rest of the request. */
export const summaryColumns = (sql: Sql, support: boolean) =>
  sql.unsafe(support ? `${SUMMARY}, ${SLA}` : SUMMARY)

type SlaRow = Pick<
  TicketRow,
  | "status"
  | "calendar_name"
  | "calendar_name_en"
  | "first_response_due"
  | "resolution_due"
  | "first_responded_at"
  | "first_response_breached_at"
  | "resolution_breached_at"
  | "closed_at"
>
export type SummaryRow = Pick<
  TicketRow,
  | "number"
  | "title"
  | "severity"
  | "status"
  | "category_id"
  | "category_name"
  | "category_name_en"
  | "requester_id"
  | "requester_name"
  | "tenant_kind"
  | "tenant_name"
  | "assignee_id"
  | "assignee_name"
  | "created_at"
  | "updated_at"
> &
  Partial<SlaRow>

export const ticketFrom = (sql: Sql) => sql`
  helpdesk.tickets t join helpdesk.categories c on c.id = t.category_id
  left join helpdesk.calendars cal on cal.id = t.calendar_id`

const HOUR = 3_600_000

const slaOf = (t: SlaRow, now = new Date()): SlaState => {
  const responseLate =
    t.first_response_breached_at !== null ||
    (t.first_response_due !== null &&
      (t.first_responded_at ?? now).getTime() > t.first_response_due.getTime())
  const resolutionLate =
    t.resolution_breached_at !== null ||
    (t.resolution_due !== null && (t.closed_at ?? now).getTime() > t.resolution_due.getTime())
  const next = t.first_responded_at === null ? t.first_response_due : t.resolution_due
  const state: SlaState["state"] =
    responseLate || resolutionLate
      ? "breached"
      : t.status === "closed"
        ? "met"
        : next && next.getTime() - now.getTime() < HOUR
          ? "due"
          : "ok"
  return {
    calendar: t.calendar_name,
    calendarEn: t.calendar_name_en,
    firstResponseDue: t.first_response_due?.toISOString() ?? null,
    resolutionDue: t.resolution_due?.toISOString() ?? null,
    firstRespondedAt: t.first_responded_at?.toISOString() ?? null,
    state
  }
}

/** `support` rows carry the SLA's columns (`summaryColumns(sql, true)` or `ticketColumns`). */
export const toSummary = (t: SummaryRow, support: boolean): TicketSummary => ({
  number: Number(t.number),
  title: t.title,
  severity: t.severity,
  status: t.status,
  category: { id: t.category_id, name: t.category_name, nameEn: t.category_name_en },
  requester: { id: t.requester_id, name: t.requester_name, guest: t.requester_id === null },
  tenant: { kind: t.tenant_kind, name: t.tenant_name },
  assignee: t.assignee_id ? { id: t.assignee_id, name: t.assignee_name ?? "" } : null,
  createdAt: t.created_at.toISOString(),
  updatedAt: t.updated_at.toISOString(),
  ...(support ? { sla: slaOf(t as SlaRow) } : {})
})
