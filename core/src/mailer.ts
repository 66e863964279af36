/**
 * @module The `Mailer` service: email over SMTP when `SMTP_URL` is set (nodemailer), else
 * into the `wharf.mail_outbox` table, where admins read it in the console. Either way every
 * message is recorded there, so "did the customer get the link?" has an answer.
 * Callers send after their transaction commits: a rolled-back change must not mail anyone.
 */
import { Context, Effect, Layer } from "effect"
import nodemailer from "nodemailer"
import { WharfConfig } from "./config"
import { Db, type DbError } from "./db/Db"
import { Unavailable } from "./errors"

export interface MailMessage {
  readonly to: string | ReadonlyArray<string>
  readonly subject: string
  readonly text: string
  readonly html?: string | undefined
  /** Extra headers, e.g. `Reply-To`, `X-Wharf-Ticket`. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

export type MailStatus = "outbox" | "sent" | "failed"

export interface OutboxMail {
  readonly id: string
  readonly createdAt: string
  readonly to: ReadonlyArray<string>
  readonly subject: string
  readonly text: string
  readonly html: string | null
  /** Reply-To among them: where an answer to this mail goes. */
  readonly headers: Readonly<Record<string, string>>
  readonly status: MailStatus
  readonly sentAt: string | null
  readonly error: string | null
}

export interface MailerShape {
  /** "smtp" when `SMTP_URL` is set, else "outbox". */
  readonly transport: "smtp" | "outbox"
  /** Deliver (or keep in the outbox); fails `Unavailable` when the SMTP server refuses. */
  readonly send: (message: MailMessage) => Effect.Effect<void, Unavailable | DbError>
  /** Newest first; `to` narrows to messages sent to that address. */
  readonly outbox: (options: {
    limit: number
    offset: number
    to?: string | undefined
  }) => Effect.Effect<{ items: ReadonlyArray<OutboxMail>; total: number }, DbError>
}

export class Mailer extends Context.Service<Mailer, MailerShape>()("wharf/Mailer") {
  /** SMTP from `SMTP_URL` (e.g. `smtp://user:pass@mail.example.com:587`), else the outbox. */
  static readonly layer = Layer.effect(
    Mailer,
    Effect.gen(function* () {
      const config = yield* WharfConfig
      return yield* makeMailer({
        smtpUrl: config.env.SMTP_URL || undefined,
        from: config.env.MAIL_FROM || `Wharf <wharf@${hostOf(config.publicUrl)}>`
      })
    })
  )
}

const hostOf = (url: string) => {
  try {
    const host = new URL(url).hostname
    return host.includes(".") ? host : `${host}.local`
  } catch {
    return "wharf.local"
  }
}

interface OutboxRow {
  id: string
  created_at: Date
  to_addresses: string[]
  subject: string
  text_body: string
  html_body: string | null
  headers: Record<string, string> | null
  status: MailStatus
  sent_at: Date | null
  error: string | null
  total: string
}

export const makeMailer = (options: { smtpUrl: string | undefined; from: string }) =>
  Effect.gen(function* () {
    const db = yield* Db
    const transporter = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null

    const send = Effect.fn("Mailer.send")(function* (message: MailMessage) {
      const to = typeof message.to === "string" ? [message.to] : [...message.to]
      if (to.length === 0) return
      const [row] = yield* db.query(
        (sql) => sql<{ id: string }[]>`
          insert into wharf.mail_outbox (to_addresses, subject, text_body, html_body, headers, status)
          values (${to}, ${message.subject}, ${message.text}, ${message.html ?? null},
            ${message.headers ? sql.json(message.headers as never) : null}, ${transporter ? "failed" : "outbox"})
          returning id::text`
      )
      if (!transporter) return
      const delivered = yield* Effect.tryPromise({
        try: () =>
          transporter.sendMail({
            from: options.from,
            to,
            subject: message.subject,
            text: message.text,
            ...(message.html ? { html: message.html } : {}),
            ...(message.headers ? { headers: { ...message.headers } } : {})
          }),
        catch: (e) => (e as Error).message ?? String(e)
      }).pipe(Effect.result)
      const error = delivered._tag === "Failure" ? delivered.failure : null
      yield* db.query(
        (sql) => sql`update wharf.mail_outbox set status = ${error ? "failed" : "sent"},
          sent_at = ${error ? null : new Date()}, error = ${error} where id = ${row!.id}`
      )
      if (error) return yield* new Unavailable({ message: `The mail server refused the message: ${error}` })
    })

    const outbox = Effect.fn("Mailer.outbox")(function* (o: {
      limit: number
      offset: number
      to?: string | undefined
    }) {
      const to = o.to?.trim().toLowerCase() || null
      const rows = yield* db.query(
        (sql) => sql<OutboxRow[]>`
          select id::text, created_at, to_addresses, subject, text_body, html_body, headers, status, sent_at, error,
            count(*) over () as total
          from wharf.mail_outbox
          where ${to}::text is null or exists (select 1 from unnest(to_addresses) a where lower(a) = ${to})
          order by created_at desc, id desc limit ${o.limit} offset ${o.offset}`
      )
      return {
        total: Number(rows[0]?.total ?? 0),
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at.toISOString(),
          to: r.to_addresses,
          subject: r.subject,
          text: r.text_body,
          html: r.html_body,
          headers: r.headers ?? {},
          status: r.status,
          sentAt: r.sent_at?.toISOString() ?? null,
          error: r.error
        }))
      }
    })

    return Mailer.of({ transport: transporter ? "smtp" : "outbox", send, outbox })
  })
