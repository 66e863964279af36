/**
 * @module The helpdesk's scheduled jobs: flag SLA breaches and escalate them (HD-9), and
 * close tickets left awaiting confirmation for N days (HD-11). Each run takes the rows it
 * changes with `for update skip locked`, so a slow run and the next one never collide.
 */
import { Audit, Db, type MailMessage } from "@wharf/core"
import { Effect } from "effect"
import { applyEvent, recordHistory, SYSTEM } from "./actions"
import { listsChanged } from "./list-cache"
import { deliver, mailToRequester, mailToSupport } from "./notify"
import { groupmatesOf, listAgents } from "./people"
import { type TicketRow, ticketColumns, ticketFrom } from "./rows"
import { autoCloseDays } from "./settings"

/** Who hears of a breach: the assignee's groups (their team lead included), else all of support. */
const escalationList = Effect.fn("Sla.escalationList")(function* (ticket: TicketRow) {
  if (ticket.assignee_id) {
    const mates = yield* groupmatesOf(ticket.assignee_id)
    if (mates.length > 0) return mates.map((p) => p.email)
  }
  return (yield* listAgents()).map((p) => p.email)
})

export const flagSlaBreaches = Effect.gen(function* () {
  const db = yield* Db
  const mails: MailMessage[] = []
  const flagged = yield* db.transaction(
    Effect.gen(function* () {
      const rows = yield* db.query(
        (sql) => sql<TicketRow[]>`
          select ${ticketColumns(sql)} from ${ticketFrom(sql)}
          where t.status <> 'closed' and (
            (t.first_responded_at is null and t.first_response_due < now() and t.first_response_breached_at is null)
            or (t.resolution_due < now() and t.resolution_breached_at is null))
          order by t.number limit 500 for update of t skip locked`
      )
      for (const t of rows) {
        const now = new Date()
        const response =
          t.first_responded_at === null &&
          t.first_response_due !== null &&
          t.first_response_due < now &&
          !t.first_response_breached_at
        const resolution = t.resolution_due !== null && t.resolution_due < now && !t.resolution_breached_at
        yield* db.query(
          (sql) => sql`update helpdesk.tickets set
            first_response_breached_at = ${response ? sql`now()` : sql`first_response_breached_at`},
            resolution_breached_at = ${resolution ? sql`now()` : sql`resolution_breached_at`}
            where id = ${t.id}`
        )
        yield* listsChanged
        const what = [response ? "first response 首次响应" : null, resolution ? "resolution 解决" : null]
          .filter(Boolean)
          .join(", ")
        yield* recordHistory(t.id, SYSTEM, { action: "sla_breached", note: what, internal: true })
        const to = yield* escalationList(t)
        mails.push(
          ...(yield* mailToSupport(
            t,
            to,
            `SLA 超时 / SLA breached (${what}) — ${t.severity}, ${t.assignee_name ?? "未分配 unassigned"}`
          ))
        )
        yield* Audit.use((a) =>
          a.record({
            action: "helpdesk.sla.escalated",
            target: `#${t.number}`,
            detail: { what, to },
            actor: null
          })
        )
      }
      return rows.length
    })
  )
  yield* deliver(mails)
  return flagged
})

export const autoCloseTickets = Effect.gen(function* () {
  const db = yield* Db
  const days = yield* autoCloseDays
  const mails: MailMessage[] = []
  const closed = yield* db.transaction(
    Effect.gen(function* () {
      const rows = yield* db.query(
        (sql) => sql<TicketRow[]>`
          select ${ticketColumns(sql)} from ${ticketFrom(sql)}
          where t.status = 'awaiting_confirmation' and t.status_changed_at < now() - make_interval(days => ${days})
          order by t.number limit 500 for update of t skip locked`
      )
      for (const t of rows) {
        yield* applyEvent(
          t,
          { type: "autoClose" },
          SYSTEM,
          `${days} 天未确认，自动关闭 / closed after ${days} days without confirmation`
        )
        mails.push(...(yield* mailToRequester(t, { kind: "autoClosed", days })))
      }
      return rows.length
    })
  )
  yield* deliver(mails)
  return closed
})
