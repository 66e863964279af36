/**
 * @module Ticket attachments (SPEC HD-3): files up to 2 GB uploaded through core's
 * Uploads service, claimed when the ticket or message that carries them is written (in
 * the same transaction), and served to whoever may read that ticket — never an internal
 * note's files to a customer, never another tenant's.
 */

import { Db, NotFound, type UploadPurpose, Uploads, uploadOwner } from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import { findTicket, findVisibleTicket, isSupport } from "./access"
import type { TicketRow } from "./rows"
import { GuestLinks } from "./secret"

export const ATTACHMENT_PURPOSE = "ticket-attachment"

/** Whose uploads the public form's credential makes (before any ticket exists). */
export const formUploadOwner = (form: string) => uploadOwner.guest(ATTACHMENT_PURPOSE, `form:${form}`)

/**
 * A guest's tus client sends `x-wharf-guest: <ticket number>.<link token>` (replying
 * through the emailed link) or the public form's `form.<nonce>.<signature>`.
 */
const guestSubject = (credential: string) =>
  Effect.gen(function* () {
    const links = yield* GuestLinks
    const form = links.formOf(credential)
    if (form) return `form:${form}`
    const m = /^(\d{1,15})\.([\w-]{1,200})$/.exec(credential)
    if (!m) return null
    const ticket = yield* findTicket(Number(m[1])).pipe(
      Effect.catchTag("NotFound", () => Effect.succeed(null))
    )
    if (!ticket || ticket.requester_id !== null || !links.verify(ticket.id, ticket.requester_email, m[2]!)) {
      return null
    }
    return ticket.id
  })

export const attachmentPurpose: UploadPurpose = {
  purpose: ATTACHMENT_PURPOSE,
  maxBytes: 2 * 1024 ** 3,
  guest: guestSubject
}

/** Who an attachment upload must belong to: a user, or the guest of this ticket. */
export const ownerFor = (ticket: Pick<TicketRow, "id">, author: { id: string | null }) =>
  author.id ? uploadOwner.user(author.id) : uploadOwner.guest(ATTACHMENT_PURPOSE, ticket.id)

/**
 * Claim `uploadIds` for the ticket (and message, for a reply) and record them; inside the
 * caller's transaction, so a refused id (a 400 naming it) leaves nothing written.
 */
export const attachUploads = Effect.fn("Attachments.attach")(function* (
  ticket: Pick<TicketRow, "id">,
  messageId: string | null,
  uploadIds: ReadonlyArray<string> | undefined,
  owner: string
) {
  if (!uploadIds || uploadIds.length === 0) return
  const uploads = yield* Uploads
  const db = yield* Db
  const claimed = yield* uploads.claim({
    ids: uploadIds,
    owner,
    purpose: ATTACHMENT_PURPOSE,
    claimedBy: () => `helpdesk.ticket:${ticket.id}`,
    field: "attachments"
  })
  for (const u of claimed) {
    yield* db.query(
      (sql) => sql`insert into helpdesk.attachments (ticket_id, message_id, upload_id, name, size)
        values (${ticket.id}, ${messageId}, ${u.id}, ${u.filename}, ${u.size})`
    )
  }
})

const noSuchFile = () => new NotFound(helpdeskReasons.because("helpdesk.noSuchAttachment"))

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The file of attachment `id` of `ticket`, if `support` (or a customer, for public messages) may see it. */
const serve = Effect.fn("Attachments.serve")(function* (
  ticket: TicketRow,
  id: string,
  support: boolean,
  range: string | undefined
) {
  if (!UUID.test(id)) return yield* noSuchFile()
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<{ upload_id: string }[]>`
      select a.upload_id from helpdesk.attachments a
      left join helpdesk.messages m on m.id = a.message_id
      where a.id = ${id} and a.ticket_id = ${ticket.id}
        and (${support} or m.id is null or m.visibility = 'public')`
  )
  if (!row) return yield* noSuchFile()
  const uploads = yield* Uploads
  const upload = yield* uploads.find(row.upload_id)
  if (!upload) return yield* noSuchFile()
  return uploads.download(upload, range)
})

/** `GET /tickets/{number}/attachments/{id}`: for whoever may read the ticket. */
export const downloadAttachment = Effect.fn("Attachments.download")(function* (
  number: number,
  id: string,
  range: string | undefined
) {
  const { ticket, viewer } = yield* findVisibleTicket(number)
  return yield* serve(ticket, id, isSupport(viewer), range)
})

/** The same for a guest, once their link has been checked. */
export const downloadGuestAttachment = (ticket: TicketRow, id: string, range: string | undefined) =>
  serve(ticket, id, false, range)
