/**
 * @module Ticket statuses and the one function that decides every status change (SPEC
 * HD-4). Services never set a status themselves: they ask `transition` and record the answer.
 */
import type { HelpdeskReason } from "./reasons"

export const STATUSES = ["in_progress", "awaiting_reply", "awaiting_confirmation", "closed"] as const
export type TicketStatus = (typeof STATUSES)[number]

export const SEVERITIES = ["critical", "major", "normal", "minor"] as const
export type Severity = (typeof SEVERITIES)[number]

/** What happened to a ticket; `by` says which side did it where both may. */
export type TicketEvent =
  | { readonly type: "agentReply" }
  | { readonly type: "customerReply" }
  | { readonly type: "proposeSolution" }
  | { readonly type: "confirm" }
  /** The customer answers a proposed solution: not solved (with a reply saying why). */
  | { readonly type: "notSolved" }
  | { readonly type: "close"; readonly by: "customer" | "support" }
  | { readonly type: "autoClose" }
  | { readonly type: "setStatus"; readonly to: TicketStatus }

export type Transition =
  | { readonly ok: true; readonly to: TicketStatus }
  | { readonly ok: false; readonly reason: HelpdeskReason }

const to = (status: TicketStatus): Transition => ({ ok: true, to: status })
const refuse = (reason: HelpdeskReason): Transition => ({ ok: false, reason })

/**
 * The status after `event` on a ticket in `from`. A closed ticket is final (its survey was
 * offered on closing); a follow-up is a new ticket.
 */
export const transition = (from: TicketStatus, event: TicketEvent): Transition => {
  if (from === "closed") return refuse("helpdesk.ticketClosed")
  switch (event.type) {
    case "agentReply":
      return to("awaiting_reply")
    case "customerReply":
      return to("in_progress")
    case "proposeSolution":
      return to("awaiting_confirmation")
    case "confirm":
      return from === "awaiting_confirmation" ? to("closed") : refuse("helpdesk.noSolutionYet")
    case "notSolved":
      return from === "awaiting_confirmation" ? to("in_progress") : refuse("helpdesk.notAwaitingConfirmation")
    case "close":
      return to("closed")
    case "autoClose":
      return from === "awaiting_confirmation"
        ? to("closed")
        : refuse("helpdesk.onlyAwaitingConfirmationAutoCloses")
    case "setStatus":
      return to(event.to)
  }
}
