/**
 * @module Mail that comes back: replies to Wharf's notifications (SPEC HD-13). Each mail a
 * plugin sends about something can carry a Reply-To of the form `support+<tag>@example.com`;
 * replies arrive over SMTP (`WHARF_INBOUND_SMTP_PORT`, behind the organisation's MX or
 * relay) and go to the plugins' `inboundMailHandlers`, the first that recognises its tag
 * taking the mail. A mail nobody takes, or one a handler refuses, is refused during the
 * SMTP exchange with the reason, so the sender's mail server bounces it in words.
 */

import { PassThrough } from "node:stream"
import type { Effect } from "effect"
import { Effect as E } from "effect"
import { type AddressObject, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { Invalid, isWharfError, NotFound } from "./errors"
import { defineExtensionPoint } from "./plugin"
import { InternalError } from "./runner"

export interface InboundAttachment {
  readonly filename: string
  readonly contentType: string
  readonly content: Uint8Array
}

export interface InboundMessage {
  /** The sender's address, lower-cased. */
  readonly from: string
  /** Every address it was sent to: the SMTP envelope's and the To and Cc headers'. */
  readonly to: ReadonlyArray<string>
  readonly subject: string
  readonly text: string
  readonly attachments: ReadonlyArray<InboundAttachment>
}

export interface InboundMailHandler {
  /**
   * Take the mail ("taken") if one of its addresses is this plugin's, else "not mine".
   * Fail with a Wharf error (Invalid, NotFound, Conflict) to refuse it with that message.
   */
  readonly receive: (mail: InboundMessage) => Effect.Effect<"taken" | "not mine", unknown, any>
}

export const inboundMailHandlers = defineExtensionPoint<InboundMailHandler>("wharf.inbound-mail")

/** `support+tag@example.com` → `tag`, if `address` is a tagged form of `replyAddress`. */
export const replyTagOf = (replyAddress: string, address: string): string | null => {
  const [local, domain] = replyAddress.toLowerCase().split("@")
  const m = /^([^@+]+)\+([^@]+)@(.+)$/.exec(address.trim())
  if (!m || m[1]!.toLowerCase() !== local || m[3]!.toLowerCase() !== domain) return null
  return m[2]!
}

/** The address a reply about `tag` goes to. */
export const taggedReplyAddress = (replyAddress: string, tag: string) => {
  const [local, domain] = replyAddress.split("@")
  return `${local}+${tag}@${domain}`
}

/** Hand `mail` to the first handler that takes it; NotFound when none does. */
export const receiveMail = (handlers: ReadonlyArray<InboundMailHandler>, mail: InboundMessage) =>
  E.gen(function* () {
    for (const h of handlers) if ((yield* h.receive(mail)) === "taken") return
    return yield* new NotFound({ message: `No conversation has the address ${mail.to.join(", ")}` })
  })

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value)

/** A Wharf error refuses the mail for good (550); anything else asks the sender to retry (451). */
const smtpError = (e: unknown) => {
  const error = new Error(isWharfError(e) ? e.message : "Wharf could not take this mail now; try again later")
  return Object.assign(error, { responseCode: isWharfError(e) ? 550 : 451 })
}

/**
 * Mail a machine wrote in answer to ours (out-of-office, delivery reports, lists): RFC 3834
 * `Auto-Submitted`, the older `Precedence` and `X-Autoreply` conventions, or a null sender.
 * Posted to a ticket it would reopen it and mail the assignee, and answering it could loop.
 */
export const isAutomatic = (headers: ReadonlyMap<string, unknown>, envelopeSender: string) => {
  const text = (name: string) => String(headers.get(name) ?? "").toLowerCase()
  return (
    envelopeSender === "" ||
    (text("auto-submitted") !== "" && text("auto-submitted") !== "no") ||
    ["bulk", "junk", "list", "auto_reply"].includes(text("precedence")) ||
    headers.has("x-autoreply") ||
    headers.has("x-autorespond")
  )
}

export interface InboundSmtp {
  readonly port: number
  readonly close: () => Promise<void>
}

/** At most `max` bytes reach the parser; the rest of an oversized mail is read and dropped. */
const capped = (stream: NodeJS.ReadableStream, max: number) => {
  let seen = 0
  const out = new PassThrough()
  stream.on("data", (chunk: Buffer) => {
    seen += chunk.length
    if (seen <= max) out.write(chunk)
  })
  stream.on("end", () => out.end())
  stream.on("error", (e) => out.destroy(e))
  return { out, oversized: () => seen > max }
}

const refusal = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode })

/**
 * Listen for replies; `deliver` runs on the server's runtime and resolves once a handler
 * took the mail. Only tagged forms of `replyAddress` are accepted as recipients, so the
 * listener is no open relay and unrelated mail is refused before its body is sent.
 */
export const startInboundSmtp = async (options: {
  host: string
  port: number
  maxBytes: number
  replyAddress: string
  deliver: (mail: InboundMessage) => Promise<void>
  onError: (e: unknown) => void
}): Promise<InboundSmtp> => {
  const server = new SMTPServer({
    name: "wharf",
    banner: "Wharf replies",
    authOptional: true,
    // Plain SMTP from the organisation's mail relay; TLS ends there.
    disabledCommands: ["STARTTLS", "AUTH"],
    size: options.maxBytes,
    maxClients: 50,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (replyTagOf(options.replyAddress, address.address) === null) {
        return callback(
          refusal(550, `No mailbox ${address.address} here; Wharf takes only replies to its mails`)
        )
      }
      callback()
    },
    onData(stream, session, callback) {
      const body = capped(stream, options.maxBytes)
      const envelopeSender = session.envelope.mailFrom ? session.envelope.mailFrom.address : ""
      simpleParser(body.out)
        .catch(() => {
          throw new Invalid({ message: "The mail could not be read as a MIME message" })
        })
        .then(async (parsed) => {
          if (body.oversized()) throw refusal(552, `The mail is larger than ${options.maxBytes} bytes`)
          // Accepted and dropped: a bounce to an auto-reply would only answer a machine.
          if (isAutomatic(parsed.headers, envelopeSender)) return
          const sender = addresses(parsed.from)[0]
          const envelope = session.envelope.rcptTo.map((r) => r.address)
          const headers = [...addresses(parsed.to), ...addresses(parsed.cc)].map((a) => a.address ?? "")
          await options.deliver({
            from: (sender?.address ?? envelopeSender).toLowerCase(),
            to: [...new Set([...envelope, ...headers].filter(Boolean).map((a) => a.toLowerCase()))],
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            attachments: parsed.attachments
              .filter((a) => a.contentDisposition !== "inline" || a.filename)
              .map((a) => ({
                filename: a.filename ?? "attachment",
                contentType: a.contentType,
                content: a.content
              }))
          })
        })
        .then(
          () => callback(),
          (e) => {
            if ((e as { responseCode?: number }).responseCode === 552) return callback(e)
            // The runner has logged an internal error already; anything else is news.
            if (!isWharfError(e) && !(e instanceof InternalError)) options.onError(e)
            callback(smtpError(e))
          }
        )
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port, options.host, () => resolve())
  })
  server.on("error", options.onError)
  return {
    port: (server.server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
