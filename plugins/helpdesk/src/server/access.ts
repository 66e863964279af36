/**
 * @module Who sees which ticket (SPEC HD-12), in one place. Support (agents, admins) sees
 * every ticket; a customer sees the tickets they asked and those of their groups; anyone
 * else is told the ticket does not exist.
 */

import { Db, hasRole, NotFound, requireViewer, type Sql, type Viewer } from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import { type Fragment, type TicketRow, ticketColumns, ticketFrom } from "./rows"

export const isSupport = (viewer: Viewer) => hasRole(viewer, "admin", "agent")

/**
 * The tickets `viewer` may see, as conditions on `helpdesk.tickets t` that never hold for
 * the same row: what they asked, and each of their groups' tickets someone else asked.
 * Lists read each along its own index (`tickets_requester`, `tickets_group_activity`) and
 * merge them; one OR made PostgreSQL walk every ticket by activity and filter.
 */
export const visibleParts = (sql: Sql, viewer: Viewer): ReadonlyArray<Fragment> =>
  isSupport(viewer)
    ? [sql`true`]
    : [
        sql`t.requester_id = ${viewer.id}`,
        ...viewer.groups.map(
          (g) => sql`(t.tenant_kind = 'group' and t.tenant_id = ${g.id}
            and t.requester_id is distinct from ${viewer.id})`
        )
      ]

/** Names what `visibleParts` lets `viewer` see: viewers with the same scope see the same tickets. */
export const visibleScope = (viewer: Viewer): string =>
  isSupport(viewer) ? "support" : `${viewer.id};${viewer.groups.map((g) => g.id).join(",")}`

/** The condition on `helpdesk.tickets t` for tickets `viewer` may see. */
const visibleTo = (sql: Sql, viewer: Viewer) =>
  visibleParts(sql, viewer).reduce((acc, part) => sql`${acc} or ${part}`, sql`false`)

/** Support speaks for support, except on a ticket they asked themselves. */
export const sideOf = (viewer: Viewer, ticket: Pick<TicketRow, "requester_id">): "customer" | "support" =>
  isSupport(viewer) && ticket.requester_id !== viewer.id ? "support" : "customer"

export const noSuchTicket = (number: number) =>
  new NotFound(helpdeskReasons.because("helpdesk.noSuchTicket", { number }))

/** The ticket if the viewer may see it; `forUpdate` locks it for a change. */
export const findVisibleTicket = Effect.fn("Tickets.findVisible")(function* (
  number: number,
  options: { forUpdate?: boolean } = {}
) {
  const viewer = yield* requireViewer
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<TicketRow[]>`
      select ${ticketColumns(sql)} from ${ticketFrom(sql)}
      where t.number = ${number} and (${visibleTo(sql, viewer)})
      ${options.forUpdate ? sql`for update of t` : sql``}`
  )
  if (!row) return yield* noSuchTicket(number)
  return { ticket: row, viewer }
})

/** A ticket by number, whoever asks (jobs, guest links after their own check). */
export const findTicket = Effect.fn("Tickets.find")(function* (
  number: number,
  options: { forUpdate?: boolean } = {}
) {
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<TicketRow[]>`
      select ${ticketColumns(sql)} from ${ticketFrom(sql)} where t.number = ${number}
      ${options.forUpdate ? sql`for update of t` : sql``}`
  )
  if (!row) return yield* noSuchTicket(number)
  return row
})
