/**
 * @module Replies by mail (SPEC HD-13): the requester answers a ticket's notification from
 * their mail client and the answer lands in the thread, attachments included, as if
 * written in the console. The mail's Reply-To names the ticket and is signed for the
 * address it was sent to (`support+t10023-<signature>@…`), so only that mailbox can answer
 * through it; a mail from another sender, or to a forged tag, is refused in words.
 */
import {
  Db,
  type InboundMailHandler,
  type InboundMessage,
  Invalid,
  NotFound,
  replyTagOf,
  Uploads,
  WharfConfig
} from "@wharf/core"
import { Effect } from "effect"
import { findTicket } from "./access"
import { addMessage, mailsForMessage } from "./actions"
import { ATTACHMENT_PURPOSE, attachUploads, ownerFor } from "./attachments"
import { deliver, REPLY_ABOVE } from "./notify"
import { GuestLinks } from "./secret"

/** Where the quoted mail begins, in the clients people use (and our own marker line). */
const QUOTE_STARTS = [
  /^#+\s*直接回复此邮件/,
  /reply above this line/i,
  /^On .+ wrote:\s*$/,
  /^在.+写道[:：]\s*$/,
  /^-{2,}\s*(Original Message|原始邮件|Forwarded message)/i,
  /^(From|发件人)[:：]\s*\S/,
  /^_{10,}\s*$/,
  /^>/
]

/** What the person wrote: the text above the quoted mail, without a `-- ` signature. */
export const replyText = (text: string): string => {
  const lines = text.replace(/\r\n/g, "\n").split("\n")
  const end = lines.findIndex((line) => QUOTE_STARTS.some((re) => re.test(line.trim())))
  const own = end === -1 ? lines : lines.slice(0, end)
  const signature = own.indexOf("-- ")
  return (signature === -1 ? own : own.slice(0, signature)).join("\n").trim()
}

const refused = () =>
  new NotFound({
    message: "This reply address belongs to no ticket of the sender; answer through the ticket's link"
  })

const takeReply = (mail: InboundMessage, tag: string, number: number) =>
  Effect.gen(function* () {
    const links = yield* GuestLinks
    const db = yield* Db
    const uploads = yield* Uploads
    const found = yield* findTicket(number).pipe(Effect.catchTag("NotFound", () => Effect.succeed(null)))
    // The tag is signed for the address the notification went to: the sender must be that address.
    if (
      !found ||
      !links.isReplyTag(tag, found.id, mail.from) ||
      found.requester_email.toLowerCase() !== mail.from
    ) {
      return yield* refused()
    }
    const body = replyText(mail.text)
    if (!body && mail.attachments.length === 0) {
      return yield* new Invalid({ message: `The reply is empty: write above the line "${REPLY_ABOVE}"` })
    }
    const author = { id: found.requester_id, name: found.requester_name, side: "customer" as const }
    const owner = ownerFor(found, author)
    // Stored before the transaction: if it fails, unclaimed files simply expire.
    const ids: string[] = []
    for (const a of mail.attachments) {
      const stored = yield* uploads.put({
        purpose: ATTACHMENT_PURPOSE,
        owner,
        filename: a.filename,
        contentType: a.contentType,
        bytes: a.content
      })
      ids.push(stored.id)
    }
    const text = body || "（见附件 / see the attachments）"
    const mails = yield* db.transaction(
      Effect.gen(function* () {
        const ticket = yield* findTicket(number, { forUpdate: true })
        const messageId = yield* addMessage(ticket, author, { body: text }, "email")
        yield* attachUploads(ticket, messageId, ids, owner)
        return yield* mailsForMessage(ticket, author, { body: text })
      })
    )
    yield* deliver(mails)
  })

export const ticketReplies: InboundMailHandler = {
  receive: (mail) =>
    Effect.gen(function* () {
      const config = yield* WharfConfig
      const links = yield* GuestLinks
      for (const address of mail.to) {
        const tag = replyTagOf(config.replyAddress, address)
        const number = tag ? links.replyTagNumber(tag) : null
        if (tag && number !== null) {
          yield* takeReply(mail, tag, number)
          return "taken" as const
        }
      }
      return "not mine" as const
    })
}
