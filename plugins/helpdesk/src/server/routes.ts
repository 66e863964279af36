/**
 * @module Helpdesk REST routes under /api/v1: tickets for users and API tokens, and the
 * guest form. They call the same services as the tRPC procedures.
 */

import { defineRoutes, Invalid } from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import {
  CreateTicketInput,
  GuestCreateInput,
  GuestReplyBody,
  GuestViewQuery,
  ListTicketsQuery,
  ReplyBody,
  SurveyBody
} from "../shared/schemas"
import { closeTicket, replyToTicket } from "./actions"
import { downloadAttachment } from "./attachments"
import { createGuestTicket, formUploadCredential, guestAttachment, guestReply, guestTicket } from "./guests"
import { rateTicket } from "./surveys"
import { createTicket, getTicket, listTickets } from "./tickets"

const badNumber = helpdeskReasons.because("helpdesk.badTicketNumber")

/** `{number}` from the path: digits, optionally written `#10023` (as `%2310023`). */
const ticketNumber = (params: Record<string, string>) => {
  const raw = decodeURIComponent(params.number ?? "").replace(/^#/, "")
  return /^\d{1,15}$/.test(raw)
    ? Effect.succeed(Number(raw))
    : Effect.fail(
        new Invalid({
          ...badNumber,
          message: `number: ${badNumber.message}`,
          issues: [{ path: "number", ...badNumber }]
        })
      )
}

export const helpdeskRoutes = defineRoutes((r) =>
  r
    .post(
      "/tickets",
      {
        summary:
          "Create a ticket (for yourself, or one of your groups with groupId); a retry with the same Idempotency-Key answers the same",
        access: "user",
        body: CreateTicketInput,
        status: 201
      },
      ({ body, c }) => createTicket(body, c.req.header("idempotency-key"))
    )
    .get(
      "/tickets",
      {
        summary: "List the tickets you may see, newest activity first",
        access: "user",
        query: ListTicketsQuery
      },
      ({ query }) => listTickets({ ...query, limit: query.limit ?? 20, offset: query.offset ?? 0 })
    )
    .get(
      "/tickets/:number",
      { summary: "A ticket with its thread, history and survey", access: "user" },
      ({ params }) => Effect.flatMap(ticketNumber(params), getTicket)
    )
    .post(
      "/tickets/:number/replies",
      {
        summary:
          "Reply (support may add internal notes or propose a solution); a retry with the same Idempotency-Key replies once",
        access: "user",
        body: ReplyBody,
        status: 201
      },
      ({ params, body, c }) =>
        Effect.flatMap(ticketNumber(params), (n) =>
          replyToTicket(n, body, "api", c.req.header("idempotency-key"))
        )
    )
    .post("/tickets/:number/close", { summary: "Close a ticket", access: "user" }, ({ params }) =>
      Effect.flatMap(ticketNumber(params), (n) => closeTicket(n, "close"))
    )
    .post(
      "/tickets/:number/survey",
      {
        summary:
          "Rate a closed ticket, once (1–5 stars and a comment); a retry with the same Idempotency-Key answers the same",
        access: "user",
        body: SurveyBody,
        status: 201
      },
      ({ params, body, c }) =>
        Effect.flatMap(ticketNumber(params), (n) => rateTicket(n, body, c.req.header("idempotency-key")))
    )
    .post(
      "/guest/upload-credentials",
      {
        summary:
          "A credential for uploading a guest ticket's attachments before filing it (send it as x-wharf-guest)",
        access: "public",
        status: 201
      },
      () => formUploadCredential
    )
    .post(
      "/guest/tickets",
      {
        summary:
          "File a ticket without an account; a signed link is emailed; a retry with the same Idempotency-Key files once",
        access: "public",
        body: GuestCreateInput,
        status: 201
      },
      ({ body, c }) => createGuestTicket(body, { ip: c.var.clientIp, key: c.req.header("idempotency-key") })
    )
    .get(
      "/guest/tickets/:number",
      {
        summary: "A guest's ticket, opened with the emailed link's token",
        access: "public",
        query: GuestViewQuery
      },
      ({ params, query }) => Effect.flatMap(ticketNumber(params), (n) => guestTicket(n, query.token))
    )
    .post(
      "/guest/tickets/:number/replies",
      {
        summary:
          "A guest replies through the emailed link; a retry with the same Idempotency-Key replies once",
        access: "public",
        body: GuestReplyBody,
        status: 201
      },
      ({ params, body, c }) =>
        Effect.flatMap(ticketNumber(params), (n) =>
          guestReply(
            n,
            body.token,
            body.body,
            body.attachments,
            body.notSolved,
            c.req.header("idempotency-key")
          )
        )
    )
    .get(
      "/tickets/:number/attachments/:id",
      {
        summary: "Download an attachment (Range supported), if you may read the ticket",
        access: "user"
      },
      ({ params, c }) =>
        Effect.flatMap(ticketNumber(params), (n) =>
          downloadAttachment(n, params.id ?? "", c.req.header("range"))
        )
    )
    .get(
      "/guest/tickets/:number/attachments/:id",
      {
        summary: "A guest downloads an attachment of their ticket with the emailed link's token",
        access: "public",
        query: GuestViewQuery
      },
      ({ params, query, c }) =>
        Effect.flatMap(ticketNumber(params), (n) =>
          guestAttachment(n, query.token, params.id ?? "", c.req.header("range"))
        )
    )
)
