/**
 * @module What changes a ticket: replies (public or internal), proposing a solution,
 * confirming, closing, and support's direct edits. Every status change goes through
 * `transition` and lands in the ticket's history.
 */

import {
  Conflict,
  Db,
  Forbidden,
  idempotent,
  type MailMessage,
  type Remember,
  requireViewer
} from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import { type Severity, type TicketEvent, type TicketStatus, transition } from "../shared/status"
import { findVisibleTicket, isSupport, sideOf } from "./access"
import { attachUploads, ownerFor } from "./attachments"
import { calendarFor, dueTimes } from "./calendars"
import { listsChanged } from "./list-cache"
import { deliver, mailToRequester, mailToSupport } from "./notify"
import { findAgent, findPerson } from "./people"
import type { TicketRow } from "./rows"
import { detailOf } from "./tickets"

const { because } = helpdeskReasons

/** What a new thread message says about itself, besides its text. */
interface MessageInput {
  readonly body: string
  /** Support only: a note the customer never sees. */
  readonly internal?: boolean | undefined
  readonly proposeSolution?: boolean | undefined
  /** Customer only: the proposed solution did not solve it. */
  readonly notSolved?: boolean | undefined
}

export interface Actor {
  readonly id: string | null
  readonly name: string
}

export const SYSTEM: Actor = { id: null, name: "系统 System" }

export const recordHistory = (
  ticketId: string,
  actor: Actor,
  entry: {
    action: string
    from?: string | null
    to?: string | null
    note?: string | null
    internal?: boolean
  }
) =>
  Db.use((db) =>
    db.query(
      (
        sql
      ) => sql`insert into helpdesk.history (ticket_id, actor_id, actor_name, action, from_value, to_value, note, internal)
        values (${ticketId}, ${actor.id}, ${actor.name}, ${entry.action}, ${entry.from ?? null}, ${entry.to ?? null},
          ${entry.note ?? null}, ${entry.internal ?? false})`
    )
  )

/** Apply `event` to the ticket's status (or refuse with the reason); records the change. */
export const applyEvent = Effect.fn("Tickets.applyEvent")(function* (
  ticket: TicketRow,
  event: TicketEvent,
  actor: Actor,
  note?: string
) {
  const result = transition(ticket.status, event)
  if (!result.ok) return yield* new Conflict(because(result.reason))
  if (result.to === ticket.status) return result.to
  const db = yield* Db
  yield* db.query(
    (
      sql
    ) => sql`update helpdesk.tickets set status = ${result.to}, status_changed_at = now(), updated_at = now(),
      closed_at = ${result.to === "closed" ? sql`now()` : sql`null`} where id = ${ticket.id}`
  )
  yield* listsChanged
  yield* recordHistory(ticket.id, actor, {
    // "Not solved" is worth its own line: the customer answered the proposed solution.
    action: event.type === "notSolved" ? "not_solved" : "status",
    from: ticket.status,
    to: result.to,
    note: note ?? null
  })
  return result.to
})

/** Add a message to the thread; the side and the flags decide the status change. */
export const addMessage = Effect.fn("Tickets.addMessage")(function* (
  ticket: TicketRow,
  author: Actor & { side: "customer" | "support" },
  input: MessageInput,
  via: "console" | "api" | "email" | "guest-link"
) {
  const db = yield* Db
  if (author.side === "customer" && (input.internal || input.proposeSolution)) {
    return yield* new Forbidden(because("helpdesk.supportOnlyNote"))
  }
  if (author.side === "support" && input.notSolved) {
    return yield* new Forbidden(because("helpdesk.customerOnlyConfirm"))
  }
  if (input.internal) {
    // A note changes nothing the customer could notice, not even the ticket's update time.
    if (ticket.status === "closed") return yield* new Conflict(because("helpdesk.ticketClosed"))
  } else {
    const event: TicketEvent =
      author.side === "customer"
        ? input.notSolved
          ? { type: "notSolved" }
          : { type: "customerReply" }
        : input.proposeSolution
          ? { type: "proposeSolution" }
          : { type: "agentReply" }
    yield* applyEvent(ticket, event, author)
    yield* db.query(
      (sql) => sql`update helpdesk.tickets set updated_at = now(),
        first_responded_at = ${author.side === "support" ? sql`coalesce(first_responded_at, now())` : sql`first_responded_at`}
        where id = ${ticket.id}`
    )
    yield* listsChanged
  }
  const [message] = yield* db.query(
    (sql) => sql<{ id: string }[]>`
      insert into helpdesk.messages (ticket_id, visibility, author_id, author_name, author_side, body,
        proposes_solution, via)
      values (${ticket.id}, ${input.internal ? "internal" : "public"}, ${author.id}, ${author.name}, ${author.side},
        ${input.body}, ${Boolean(input.proposeSolution)}, ${via}) returning id`
  )
  return message!.id
})

/** Mails about a new public message: support's go to the requester, the customer's to the assignee. */
export const mailsForMessage = Effect.fn("Tickets.mailsForMessage")(function* (
  ticket: TicketRow,
  author: Actor & { side: "customer" | "support" },
  input: MessageInput
) {
  if (input.internal) return [] as MailMessage[]
  if (author.side === "support") {
    return yield* mailToRequester(ticket, {
      kind: "reply",
      author: author.name,
      body: input.body,
      proposesSolution: Boolean(input.proposeSolution)
    })
  }
  const assignee = ticket.assignee_id ? yield* findPerson(ticket.assignee_id) : null
  return assignee
    ? yield* mailToSupport(ticket, [assignee.email], `${author.name} 回复了工单 / replied:\n\n${input.body}`)
    : []
})

/** A reply to a ticket. With `key` (Idempotency-Key), a retry answers without replying again. */
export const replyToTicket = Effect.fn("Tickets.reply")(function* (
  number: number,
  input: {
    body: string
    internal?: boolean | undefined
    proposeSolution?: boolean | undefined
    notSolved?: boolean | undefined
    attachments?: ReadonlyArray<string> | undefined
  },
  via: "console" | "api" = "console",
  key?: string
) {
  const db = yield* Db
  const current = Effect.gen(function* () {
    const { ticket, viewer } = yield* findVisibleTicket(number)
    return yield* detailOf(ticket, viewer)
  })
  const owner = `user:${(yield* requireViewer).id}`
  return yield* idempotent(
    { scope: "helpdesk.reply", owner, key, request: { ...input, number } },
    (remember: Remember<{ messageId: string }>) =>
      Effect.gen(function* () {
        const mails = yield* db.transaction(
          Effect.gen(function* () {
            const { ticket, viewer } = yield* findVisibleTicket(number, { forUpdate: true })
            const author = { id: viewer.id, name: viewer.name, side: sideOf(viewer, ticket) }
            const messageId = yield* addMessage(ticket, author, input, via)
            yield* attachUploads(ticket, messageId, input.attachments, ownerFor(ticket, author))
            yield* remember({ messageId })
            return yield* mailsForMessage(ticket, author, input)
          })
        )
        yield* deliver(mails)
        return yield* current
      }),
    // The ticket as it is now: the reply is in its thread.
    () => current
  )
})

/** Close (either side), or confirm a proposed solution (the customer). */
export const closeTicket = Effect.fn("Tickets.close")(function* (number: number, how: "close" | "confirm") {
  const db = yield* Db
  const { mails, viewer } = yield* db.transaction(
    Effect.gen(function* () {
      const { ticket, viewer } = yield* findVisibleTicket(number, { forUpdate: true })
      const side = sideOf(viewer, ticket)
      if (how === "confirm" && side !== "customer") {
        return yield* new Forbidden(because("helpdesk.customerOnlyConfirm"))
      }
      const event: TicketEvent = how === "confirm" ? { type: "confirm" } : { type: "close", by: side }
      yield* applyEvent(ticket, event, viewer)
      // The customer closing sees the survey at once; when support closes, the mail invites to it.
      const mails =
        side === "support" ? yield* mailToRequester(ticket, { kind: "closed", by: viewer.name }) : []
      return { mails, viewer }
    })
  )
  yield* deliver(mails)
  const { ticket } = yield* findVisibleTicket(number)
  return yield* detailOf(ticket, viewer)
})

const requireSupport = Effect.gen(function* () {
  const viewer = yield* requireViewer
  if (!isSupport(viewer)) return yield* new Forbidden(because("helpdesk.supportRole"))
  return viewer
})

/** Support sets a status directly (the transition table still decides if it may). */
export const setStatus = Effect.fn("Support.setStatus")(function* (number: number, status: TicketStatus) {
  const viewer = yield* requireSupport
  const db = yield* Db
  yield* db.transaction(
    Effect.gen(function* () {
      const { ticket } = yield* findVisibleTicket(number, { forUpdate: true })
      yield* applyEvent(ticket, { type: "setStatus", to: status }, viewer)
    })
  )
  const { ticket } = yield* findVisibleTicket(number)
  return yield* detailOf(ticket, viewer)
})

/** Support changes the severity; due times are recomputed from the ticket's creation. */
export const setSeverity = Effect.fn("Support.setSeverity")(function* (number: number, severity: Severity) {
  const viewer = yield* requireSupport
  const db = yield* Db
  yield* db.transaction(
    Effect.gen(function* () {
      const { ticket } = yield* findVisibleTicket(number, { forUpdate: true })
      if (ticket.status === "closed") return yield* new Conflict(because("helpdesk.ticketClosed"))
      if (ticket.severity === severity) return
      const calendar = yield* calendarFor(ticket.calendar_id)
      const due = dueTimes(calendar, severity, ticket.created_at)
      yield* db.query(
        (sql) => sql`update helpdesk.tickets set severity = ${severity}, updated_at = now(),
          first_response_due = ${due.firstResponseDue}, resolution_due = ${due.resolutionDue},
          first_response_breached_at = null, resolution_breached_at = null where id = ${ticket.id}`
      )
      yield* listsChanged
      yield* recordHistory(ticket.id, viewer, { action: "severity", from: ticket.severity, to: severity })
    })
  )
  const { ticket } = yield* findVisibleTicket(number)
  return yield* detailOf(ticket, viewer)
})

/** Assign to an agent (or nobody); the new assignee is told by mail unless they did it. */
export const assignTicket = Effect.fn("Support.assign")(function* (
  number: number,
  assigneeId: string | null
) {
  const viewer = yield* requireSupport
  const db = yield* Db
  const assignee = assigneeId ? yield* findAgent(assigneeId) : null
  if (assigneeId && !assignee) {
    return yield* new Conflict(because("helpdesk.assignToAgents"))
  }
  const mails = yield* db.transaction(
    Effect.gen(function* () {
      const { ticket } = yield* findVisibleTicket(number, { forUpdate: true })
      if (ticket.assignee_id === assigneeId) return []
      yield* db.query(
        (
          sql
        ) => sql`update helpdesk.tickets set assignee_id = ${assigneeId}, assignee_name = ${assignee?.name ?? null},
          updated_at = now() where id = ${ticket.id}`
      )
      yield* listsChanged
      yield* recordHistory(ticket.id, viewer, {
        action: "assigned",
        from: ticket.assignee_name,
        to: assignee?.name ?? null
      })
      return assignee && assignee.id !== viewer.id
        ? yield* mailToSupport(
            ticket,
            [assignee.email],
            `${viewer.name} 将工单分配给您 / assigned this ticket to you.`
          )
        : []
    })
  )
  yield* deliver(mails)
  const { ticket } = yield* findVisibleTicket(number)
  return yield* detailOf(ticket, viewer)
})
