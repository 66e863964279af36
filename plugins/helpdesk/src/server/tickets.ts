/**
 * @module Tickets (SPEC HD-1, HD-5, HD-6): create, list what the viewer may see, and read
 * one with its thread, attachments, history and survey. Internal notes and support-only
 * history are dropped here for every customer-side reader, whatever the route.
 */
import {
  Db,
  Invalid,
  idempotent,
  type Remember,
  requireViewer,
  type Sql,
  uploadOwner,
  type Viewer,
  WharfConfig
} from "@wharf/core"
import { Effect } from "effect"
import type { Severity, TicketStatus } from "../shared/status"
import type {
  Attachment,
  HistoryEntry,
  Page,
  ThreadMessage,
  TicketDetail,
  TicketSummary
} from "../shared/types"
import { findTicket, findVisibleTicket, isSupport, sideOf, visibleParts, visibleScope } from "./access"
import { attachUploads } from "./attachments"
import { calendarFor, dueTimes } from "./calendars"
import { cachedList, listsChanged } from "./list-cache"
import { renderMarkdown } from "./markdown"
import { deliver, mailToRequester } from "./notify"
import { type Fragment, type SummaryRow, summaryColumns, type TicketRow, ticketFrom, toSummary } from "./rows"

export interface NewTicket {
  readonly title: string
  readonly severity: Severity
  readonly categoryId: string
  readonly product?: string | undefined
  readonly version?: string | undefined
  readonly description: string
  readonly requester: { readonly id: string | null; readonly name: string; readonly email: string }
  readonly tenant: {
    readonly kind: "user" | "group" | "guest"
    readonly id: string | null
    readonly name: string
  }
}

const invalid = (path: string, message: string) =>
  new Invalid({ message: `${path}: ${message}`, issues: [{ path, message }] })

/** Insert a ticket with its due times and first history entry; inside the caller's transaction. */
export const insertTicket = Effect.fn("Tickets.insert")(function* (t: NewTicket, createdAt = new Date()) {
  const db = yield* Db
  const [category] = yield* db.query(
    (sql) => sql<{ calendar_id: string | null }[]>`
      select calendar_id from helpdesk.categories where id = ${t.categoryId} and active`
  )
  if (!category) return yield* invalid("categoryId", "is not one of the ticket categories")
  const due = dueTimes(yield* calendarFor(category.calendar_id), t.severity, createdAt)
  const [row] = yield* db.query(
    (sql) => sql<{ id: string; number: string }[]>`
      insert into helpdesk.tickets (title, severity, category_id, product, version, description,
        requester_id, requester_name, requester_email, tenant_kind, tenant_id, tenant_name, calendar_id,
        first_response_due, resolution_due, status_changed_at, created_at, updated_at)
      values (${t.title.trim()}, ${t.severity}, ${t.categoryId}, ${t.product?.trim() || null},
        ${t.version?.trim() || null}, ${t.description}, ${t.requester.id}, ${t.requester.name},
        ${t.requester.email}, ${t.tenant.kind}, ${t.tenant.id}, ${t.tenant.name}, ${due.calendarId},
        ${due.firstResponseDue}, ${due.resolutionDue}, ${createdAt}, ${createdAt}, ${createdAt})
      returning id, number`
  )
  yield* db.query(
    (sql) => sql`insert into helpdesk.history (ticket_id, at, actor_id, actor_name, action, to_value)
      values (${row!.id}, ${createdAt}, ${t.requester.id}, ${t.requester.name}, 'created', 'in_progress')`
  )
  yield* listsChanged
  return yield* findTicket(Number(row!.number))
})

/**
 * A signed-in user files a ticket for themselves or for one of their groups. With `key`
 * (Idempotency-Key), a retry answers with the ticket the first attempt filed.
 */
export const createTicket = Effect.fn("Tickets.create")(function* (
  input: {
    title: string
    severity: Severity
    categoryId: string
    product?: string | undefined
    version?: string | undefined
    description: string
    groupId?: string | undefined
    /** Ids of the viewer's finished uploads, claimed with the ticket. */
    attachments?: ReadonlyArray<string> | undefined
  },
  key?: string
) {
  const viewer = yield* requireViewer
  const db = yield* Db
  const group = input.groupId ? viewer.groups.find((g) => g.id === input.groupId) : undefined
  if (input.groupId && !group) return yield* invalid("groupId", "you are not a member of this group")
  return yield* idempotent(
    { scope: "helpdesk.ticket", owner: `user:${viewer.id}`, key, request: input },
    (remember: Remember<{ number: number }>) =>
      Effect.gen(function* () {
        const ticket = yield* db.transaction(
          Effect.gen(function* () {
            const ticket = yield* insertTicket({
              ...input,
              requester: { id: viewer.id, name: viewer.name, email: viewer.email },
              tenant: group
                ? { kind: "group", id: group.id, name: group.name }
                : { kind: "user", id: viewer.id, name: viewer.name }
            })
            yield* attachUploads(ticket, null, input.attachments, uploadOwner.user(viewer.id))
            yield* remember({ number: Number(ticket.number) })
            return ticket
          })
        )
        yield* deliver(yield* mailToRequester(ticket, { kind: "created" }))
        return yield* detailOf(ticket, viewer)
      }),
    ({ number }) => getTicket(number)
  )
})

const and = (sql: Sql, parts: ReadonlyArray<Fragment | null>) => {
  const present = parts.filter((p) => p !== null)
  return present.slice(1).reduce((acc, p) => sql`${acc} and ${p}`, present[0] ?? sql`true`)
}

/** Counting stops here: a page needs "1,000+", not an exact scan of every row. */
const COUNT_CAP = 1_000

export const searchCondition = (sql: Sql, search: string | undefined) => {
  const q = search?.trim()
  if (!q) return null
  const number = /^#?\d{1,15}$/.test(q) ? Number(q.replace("#", "")) : null
  const pattern = `%${q.replace(/[%_\\]/g, "\\$&")}%`
  return number !== null
    ? sql`(t.number = ${number} or t.title ilike ${pattern})`
    : sql`t.title ilike ${pattern}`
}

const unionAll = (sql: Sql, parts: ReadonlyArray<Fragment>) =>
  parts.slice(1).reduce((acc, p) => sql`${acc} union all ${p}`, parts[0]!)

/**
 * One page of the tickets matching any of `parts` (conditions that never hold for the same
 * row), in `order`, with a capped total, in one statement: each round trip costs the
 * server more CPU (driver, protocol, effect) than PostgreSQL spends on the count. Several
 * parts are each read along their own index, up to the page's end, and merged.
 */
export const pageOf = Effect.fn("Tickets.page")(function* (
  parts: (sql: Sql) => ReadonlyArray<Fragment>,
  order: (sql: Sql) => Fragment,
  page: { limit: number; offset: number },
  support: boolean
) {
  const db = yield* Db
  // A fragment may appear twice in one statement; building each part once saves the driver work.
  const capped = (sql: Sql, each: ReadonlyArray<Fragment>) =>
    sql`(select count(*) from (${unionAll(
      sql,
      each.map((where) => sql`(select 1 from helpdesk.tickets t where ${where} limit ${COUNT_CAP + 1})`)
    )}) x)`
  const matching = (sql: Sql, each: ReadonlyArray<Fragment>, ordered: Fragment) => {
    if (each.length === 1) return each[0]!
    const ids = unionAll(
      sql,
      each.map(
        (where) => sql`(select t.id from helpdesk.tickets t where ${where}
          order by ${ordered} limit ${page.offset + page.limit})`
      )
    )
    return sql`t.id in (${ids})`
  }
  const rows = yield* db.query((sql) => {
    const each = parts(sql)
    const ordered = order(sql)
    return sql<(SummaryRow & { total_n: string })[]>`
      select ${summaryColumns(sql, support)}, ${capped(sql, each)} as total_n from ${ticketFrom(sql)}
      where ${matching(sql, each, ordered)} order by ${ordered} limit ${page.limit} offset ${page.offset}`
  })
  // A page past the end has no row to carry the total: count on its own.
  const n = Number(
    rows[0]?.total_n ??
      (page.offset === 0
        ? 0
        : (yield* db.query((sql) => sql<{ n: string }[]>`select ${capped(sql, parts(sql))} as n`))[0]?.n)
  )
  return {
    items: rows.map((r) => toSummary(r, support)),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP
  } satisfies Page<TicketSummary>
})

/** "My tickets" (我的工单): what the viewer asked and their groups' tickets; support sees all unless `mine`. */
export const listTickets = Effect.fn("Tickets.list")(function* (input: {
  status?: TicketStatus | undefined
  severity?: Severity | undefined
  search?: string | undefined
  mine?: boolean | undefined
  limit: number
  offset: number
}) {
  const viewer = yield* requireViewer
  const customerView: Viewer = input.mine ? { ...viewer, roles: ["user"] } : viewer
  const key = `tickets|${visibleScope(customerView)}|${JSON.stringify(input)}`
  return yield* cachedList(key, () =>
    pageOf(
      (sql) =>
        visibleParts(sql, customerView).map((visible) =>
          and(sql, [
            visible,
            input.status ? sql`t.status = ${input.status}` : null,
            input.severity ? sql`t.severity = ${input.severity}` : null,
            searchCondition(sql, input.search)
          ])
        ),
      (sql) => sql`t.updated_at desc, t.number desc`,
      input,
      false
    )
  )
})

/** Where a file downloads from: the ticket's route, or the guest link's for a guest. */
const attachmentUrl = (number: string, id: string, guestToken: string | undefined) =>
  guestToken
    ? `/api/v1/guest/tickets/${number}/attachments/${id}?token=${encodeURIComponent(guestToken)}`
    : `/api/v1/tickets/${number}/attachments/${id}`

/** A ticket's thread, files, history and survey, as PostgreSQL hands them over. */
type TicketChildren = {
  messages: {
    id: string
    visibility: "public" | "internal"
    author_id: string | null
    author_name: string
    author_side: "customer" | "support"
    body: string
    proposes_solution: boolean
    via: ThreadMessage["via"]
    created_at: string
  }[]
  attachments: { id: string; message_id: string | null; name: string; size: number | string }[]
  history: {
    at: string
    actor_name: string
    action: string
    from_value: string | null
    to_value: string | null
    note: string | null
  }[]
  survey: { rating: number; comment: string; created_at: string } | null
}

/**
 * The thread, files, history and survey in one statement, each as a JSON array built by
 * PostgreSQL: four round trips cost the server more than the rows themselves. Internal
 * notes, their files and support-only history stay out unless `support` reads.
 */
const ticketChildren = Effect.fn("Tickets.children")(function* (ticketId: string, support: boolean) {
  const db = yield* Db
  const [children] = yield* db.query(
    (sql) => sql<TicketChildren[]>`select
      coalesce((select json_agg(m order by m.created_at, m.id) from (
        select id, visibility, author_id, author_name, author_side, body, proposes_solution, via, created_at
        from helpdesk.messages where ticket_id = ${ticketId} and (${support} or visibility = 'public')) m), '[]') as messages,
      coalesce((select json_agg(f order by f.created_at, f.id) from (
        select a.id, a.message_id, a.name, a.size, a.created_at from helpdesk.attachments a
        left join helpdesk.messages m on m.id = a.message_id
        where a.ticket_id = ${ticketId} and (${support} or m.id is null or m.visibility = 'public')) f), '[]') as attachments,
      coalesce((select json_agg(h order by h.at, h.id) from (
        select id, at, actor_name, action, from_value, to_value, note from helpdesk.history
        where ticket_id = ${ticketId} and (${support} or not internal)) h), '[]') as history,
      (select row_to_json(s) from (
        select rating, comment, created_at from helpdesk.surveys where ticket_id = ${ticketId} limit 1) s) as survey`
  )
  return children!
})

/** JSON carries timestamps as text with the session's offset; the API speaks UTC ISO 8601. */
const iso = (at: string) => new Date(at).toISOString()

/**
 * The full ticket as `viewer` may see it (support: notes and SLA; customers: neither);
 * a guest (no viewer) reads it through their link's `guestToken`.
 */
export const detailOf = Effect.fn("Tickets.detail")(function* (
  ticket: TicketRow,
  viewer: Viewer | null,
  guestToken?: string
) {
  const images = yield* WharfConfig
  const support = viewer !== null && isSupport(viewer)
  const { messages, attachments, history, survey } = yield* ticketChildren(ticket.id, support)
  const files = (messageId: string | null): Attachment[] =>
    attachments
      .filter((a) => a.message_id === messageId)
      .map((a) => ({
        id: a.id,
        name: a.name,
        size: Number(a.size),
        url: attachmentUrl(ticket.number, a.id, guestToken)
      }))
  return {
    ...toSummary(ticket, support),
    product: ticket.product,
    version: ticket.version,
    description: ticket.description,
    descriptionHtml: renderMarkdown(ticket.description, images),
    ...(support ? { requesterEmail: ticket.requester_email } : {}),
    closedAt: ticket.closed_at?.toISOString() ?? null,
    attachments: files(null),
    thread: messages.map(
      (m): ThreadMessage => ({
        id: m.id,
        visibility: m.visibility,
        author: { id: m.author_id, name: m.author_name, side: m.author_side },
        body: m.body,
        html: renderMarkdown(m.body, images),
        proposesSolution: m.proposes_solution,
        via: m.via,
        createdAt: iso(m.created_at),
        attachments: files(m.id)
      })
    ),
    history: history.map(
      (h): HistoryEntry => ({
        at: iso(h.at),
        actor: h.actor_name,
        action: h.action,
        from: h.from_value,
        to: h.to_value,
        note: h.note
      })
    ),
    survey: survey
      ? { rating: survey.rating, comment: survey.comment, createdAt: iso(survey.created_at) }
      : null,
    viewerSide: viewer ? sideOf(viewer, ticket) : "customer"
  } satisfies TicketDetail
})

export const getTicket = Effect.fn("Tickets.get")(function* (number: number) {
  const { ticket, viewer } = yield* findVisibleTicket(number)
  return yield* detailOf(ticket, viewer)
})
