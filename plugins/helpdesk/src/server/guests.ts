/**
 * @module Guest tickets (SPEC HD-8): anyone files a ticket with an email address; the mail
 * they get carries a signed link to view it, reply, close and rate it without an account.
 * A link whose signature does not match the ticket and its address is refused as
 * "no such ticket", so a forged link learns nothing.
 */

import { Db, Invalid, idempotent, type Remember } from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import type { Severity } from "../shared/status"
import { findTicket, noSuchTicket } from "./access"
import { addMessage, applyEvent, mailsForMessage } from "./actions"
import { attachUploads, downloadGuestAttachment, formUploadOwner, ownerFor } from "./attachments"
import { confirmGuestAddress, countGuestFiling } from "./guest-limits"
import { deliver, mailToRequester } from "./notify"
import { GuestLinks } from "./secret"
import { rateOnce, type SurveyAnswer } from "./surveys"
import { detailOf, insertTicket } from "./tickets"

/** The public form's credential for uploading its attachments (they are sent before the ticket). */
export const formUploadCredential = Effect.gen(function* () {
  const links = yield* GuestLinks
  return { uploadCredential: links.issueFormUpload() }
})

/**
 * A guest files a ticket from client address `ip`, within the limits per client and per
 * address (`guest-limits.ts`). With `key` (Idempotency-Key), a retry answers with the ticket
 * the first attempt filed, and is not counted again; keys are per address, so one guest's
 * key says nothing about another's.
 */
export const createGuestTicket = Effect.fn("Guests.create")(function* (
  input: {
    name: string
    email: string
    title: string
    severity: Severity
    categoryId: string
    description: string
    attachments?: ReadonlyArray<string> | undefined
    uploadCredential?: string | undefined
  },
  client: { readonly ip: string; readonly key?: string | undefined }
) {
  const db = yield* Db
  const links = yield* GuestLinks
  const email = input.email.trim()
  const attachments = input.attachments ?? []
  const form = input.uploadCredential ? links.formOf(input.uploadCredential) : null
  if (attachments.length > 0 && !form) {
    const why = helpdeskReasons.because("helpdesk.attachmentsNeedCredential")
    return yield* new Invalid({
      ...why,
      message: `uploadCredential: ${why.message}`,
      issues: [{ path: "uploadCredential", ...why }]
    })
  }
  return yield* idempotent(
    {
      scope: "helpdesk.guest-ticket",
      owner: `guest:${email.toLowerCase()}`,
      key: client.key,
      request: input
    },
    (remember: Remember<{ number: number; email: string }>) =>
      Effect.gen(function* () {
        const ticket = yield* db.transaction(
          Effect.gen(function* () {
            yield* countGuestFiling(email, client.ip)
            const ticket = yield* insertTicket({
              ...input,
              requester: { id: null, name: input.name.trim(), email },
              tenant: { kind: "guest", id: null, name: email }
            })
            if (form) yield* attachUploads(ticket, null, attachments, formUploadOwner(form))
            yield* remember({ number: Number(ticket.number), email })
            return ticket
          })
        )
        yield* deliver(yield* mailToRequester(ticket, { kind: "created" }))
        // The link goes only to the mailbox: whoever filed the form must own the address to use it.
        return { number: Number(ticket.number), email }
      }),
    (answer) => Effect.succeed(answer)
  )
})

/** The ticket the link opens, if the link is genuine. */
const openWithLink = Effect.fn("Guests.open")(function* (number: number, token: string, forUpdate = false) {
  const links = yield* GuestLinks
  const ticket = yield* findTicket(number, { forUpdate }).pipe(
    Effect.catchTag("NotFound", () => Effect.succeed(null))
  )
  if (!ticket || ticket.requester_id !== null || !links.verify(ticket.id, ticket.requester_email, token)) {
    return yield* noSuchTicket(number)
  }
  yield* confirmGuestAddress(ticket.requester_email)
  return ticket
})

const guestActor = (ticket: { requester_name: string }) => ({
  id: null,
  name: ticket.requester_name,
  side: "customer" as const
})

export const guestTicket = Effect.fn("Guests.view")(function* (number: number, token: string) {
  return yield* detailOf(yield* openWithLink(number, token), null, token)
})

export const guestAttachment = Effect.fn("Guests.attachment")(function* (
  number: number,
  token: string,
  id: string,
  range: string | undefined
) {
  return yield* downloadGuestAttachment(yield* openWithLink(number, token), id, range)
})

/** A guest's reply through the link. With `key` (Idempotency-Key), a retry does not reply again. */
export const guestReply = Effect.fn("Guests.reply")(function* (
  number: number,
  token: string,
  body: string,
  attachments?: ReadonlyArray<string>,
  notSolved?: boolean,
  key?: string
) {
  const db = yield* Db
  // Only a genuine link gets as far as its key: the key space is the ticket's.
  yield* openWithLink(number, token)
  return yield* idempotent(
    {
      scope: "helpdesk.guest-reply",
      owner: `guest-ticket:${number}`,
      key,
      request: { number, body, attachments, notSolved }
    },
    (remember: Remember<{ messageId: string }>) =>
      Effect.gen(function* () {
        const mails = yield* db.transaction(
          Effect.gen(function* () {
            const ticket = yield* openWithLink(number, token, true)
            const messageId = yield* addMessage(ticket, guestActor(ticket), { body, notSolved }, "guest-link")
            yield* attachUploads(ticket, messageId, attachments, ownerFor(ticket, { id: null }))
            yield* remember({ messageId })
            return yield* mailsForMessage(ticket, guestActor(ticket), { body })
          })
        )
        yield* deliver(mails)
        return yield* guestTicket(number, token)
      }),
    () => guestTicket(number, token)
  )
})

export const guestClose = Effect.fn("Guests.close")(function* (
  number: number,
  token: string,
  how: "close" | "confirm"
) {
  const db = yield* Db
  yield* db.transaction(
    Effect.gen(function* () {
      const ticket = yield* openWithLink(number, token, true)
      yield* applyEvent(ticket, how === "confirm" ? { type: "confirm" } : { type: "close", by: "customer" }, {
        id: null,
        name: ticket.requester_name
      })
    })
  )
  return yield* guestTicket(number, token)
})

/** A guest rates their closed ticket through the link; with `key`, a retry rates once. */
export const guestSurvey = Effect.fn("Guests.survey")(function* (
  number: number,
  token: string,
  input: SurveyAnswer,
  key?: string
) {
  // Only a genuine link gets as far as its key: the key space is the ticket's.
  yield* openWithLink(number, token)
  const locked = Effect.map(openWithLink(number, token, true), (ticket) => ({
    ticket,
    side: "customer" as const
  }))
  return yield* rateOnce(
    { scope: "helpdesk.guest-survey", owner: `guest-ticket:${number}`, key },
    number,
    input,
    locked,
    guestTicket(number, token)
  )
})
