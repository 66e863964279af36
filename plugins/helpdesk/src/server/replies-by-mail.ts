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

/** Our own first line, quoted back in the reply: everything from it on is the old mail. */
const MARKER = /reply above this line/i
/** "On … wrote:" and its kin, possibly wrapped over two lines by the client. */
const ATTRIBUTION = /(wrote|写道|schrieb|a écrit|escribió).*[:：]\s*$/i
const ATTRIBUTION_START = /^(On|在|Am|Le|El)\s/
/** Outlook and others quote nothing: a header block of the old mail follows the reply. */
const OLD_HEADERS = /^(-{2,}\s*(Original Message|原始邮件|Forwarded message)|(From|发件人)\s*[:：]\s*\S)/i

const isQuoted = (line: string) => line.trimStart().startsWith(">")

/** The reply's own lines up to `end`, without an attribution line just above it. */
const above = (lines: ReadonlyArray<string>, end: number) => {
  let cut = end
  while (cut > 0 && lines[cut - 1]!.trim() === "") cut--
  if (cut > 0 && ATTRIBUTION.test(lines[cut - 1]!)) {
    cut--
    if (
      !ATTRIBUTION_START.test(lines[cut]!.trim()) &&
      cut > 0 &&
      ATTRIBUTION_START.test(lines[cut - 1]!.trim())
    )
      cut--
  }
  return lines.slice(0, cut)
}

/**
 * What the person wrote. With our marker line quoted, the text above it; otherwise the
 * text above the old mail only when nothing of their own follows it (a reply written
 * between quoted lines is kept whole, quotes and all, rather than cut short). A `-- `
 * signature goes.
 */
export const replyText = (text: string): string => {
  const lines = text.replace(/\r\n/g, "\n").split("\n")
  let own: ReadonlyArray<string> = lines
  const marker = lines.findIndex((line) => MARKER.test(line))
  if (marker !== -1) own = above(lines, marker)
  else {
    const headers = lines.findIndex((line) => OLD_HEADERS.test(line.trim()))
    // Quoted lines count as the old mail only if no line of the reply's own comes after them.
    let tail = lines.length
    while (tail > 0 && (isQuoted(lines[tail - 1]!) || lines[tail - 1]!.trim() === "")) tail--
    const quotedTail = tail < lines.length && lines.slice(tail).some(isQuoted) ? tail : -1
    const ends = [headers, quotedTail].filter((i) => i !== -1)
    if (ends.length > 0) own = above(lines, Math.min(...ends))
  }
  const signature = own.findIndex((line) => line === "-- " || line === "--")
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
