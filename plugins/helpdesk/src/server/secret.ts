/**
 * @module Signing guest links (SPEC HD-8). A guest has no account: the link in their email
 * carries an HMAC of the ticket and their address, keyed by the server's secret. The public
 * form gets a credential of its own (a signed nonce) to upload attachments before the
 * ticket exists; filing the ticket claims exactly the uploads made with it. Each of the three
 * has a signing key of its own from core's `Secrets` (Wharf's one master secret).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { Secrets } from "@wharf/core"
import { Context, Effect, Layer } from "effect"

/** Whether `given` is `expected`, compared in constant time (a signature must not leak by timing). */
const sameText = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export class GuestLinks extends Context.Service<
  GuestLinks,
  {
    readonly sign: (ticketId: string, email: string) => string
    readonly verify: (ticketId: string, email: string, token: string) => boolean
    /** A new form's credential to upload attachments before the ticket exists. */
    readonly issueFormUpload: () => string
    /** The form a credential was issued to (its nonce), or null for a forged one. */
    readonly formOf: (credential: string) => string | null
    /** The Reply-To tag of a ticket's mails to `email` (`t10023-<hex>`): lower-case, as mail
     * servers may lower-case an address. */
    readonly replyTag: (ticket: { id: string; number: string | number }, email: string) => string
    /** The ticket number a tag names, if it was made for that ticket and `email` (checked by `isReplyTag`). */
    readonly replyTagNumber: (tag: string) => number | null
    readonly isReplyTag: (tag: string, ticketId: string, email: string) => boolean
  }
>()("helpdesk/GuestLinks") {
  static readonly layer = Layer.effect(
    GuestLinks,
    Effect.gen(function* () {
      const secrets = yield* Secrets
      // A key per purpose, so a token made for one never passes as another.
      const key = secrets.signingKey("helpdesk/guest-link")
      const sign = (ticketId: string, email: string) =>
        createHmac("sha256", key).update(`${ticketId}\n${email.trim().toLowerCase()}`).digest("base64url")
      const verify = (ticketId: string, email: string, token: string) =>
        sameText(token, sign(ticketId, email))
      const formKey = secrets.signingKey("helpdesk/guest-form-upload")
      const formSignature = (nonce: string) => createHmac("sha256", formKey).update(nonce).digest("base64url")
      const issueFormUpload = () => {
        const nonce = randomBytes(18).toString("base64url")
        return `form.${nonce}.${formSignature(nonce)}`
      }
      const formOf = (credential: string) => {
        const m = /^form\.([\w-]{24})\.([\w-]{43})$/.exec(credential)
        if (!m) return null
        return sameText(m[2]!, formSignature(m[1]!)) ? m[1]! : null
      }
      const replyKey = secrets.signingKey("helpdesk/reply-by-mail")
      const replySignature = (ticketId: string, email: string) =>
        createHmac("sha256", replyKey)
          .update(`${ticketId}\n${email.trim().toLowerCase()}`)
          .digest("hex")
          .slice(0, 32)
      const replyTag = (ticket: { id: string; number: string | number }, email: string) =>
        `t${ticket.number}-${replySignature(ticket.id, email)}`
      const replyTagNumber = (tag: string) => {
        const m = /^t(\d{1,15})-[0-9a-f]{32}$/.exec(tag.toLowerCase())
        return m ? Number(m[1]) : null
      }
      const isReplyTag = (tag: string, ticketId: string, email: string) =>
        sameText(tag.toLowerCase().split("-")[1] ?? "", replySignature(ticketId, email))
      return GuestLinks.of({ sign, verify, issueFormUpload, formOf, replyTag, replyTagNumber, isReplyTag })
    })
  )
}
