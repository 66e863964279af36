/**
 * @module The emails a ticket sends: to the requester (a guest always, a user unless they
 * turned it off), to the assignee, and escalations. Subjects carry the ticket number,
 * `[#10023] …`, so replies and filters thread by it. Mail goes out after the change
 * commits, and a mail server that refuses does not undo a reply: the outbox records why.
 */
import { Mailer, type MailMessage, taggedReplyAddress, WharfConfig } from "@wharf/core"
import { Effect } from "effect"
import { preferencesOf } from "./people"
import type { TicketRow } from "./rows"
import { GuestLinks } from "./secret"

const subjectOf = (ticket: Pick<TicketRow, "number" | "title">) => `[#${ticket.number}] ${ticket.title}`

/** Where the requester opens the ticket: the console, or the signed guest link. */
const requesterLink = Effect.fn("Notify.requesterLink")(function* (ticket: TicketRow) {
  const config = yield* WharfConfig
  const base = config.publicUrl.replace(/\/$/, "")
  if (ticket.requester_id) return `${base}/tickets/${ticket.number}`
  const links = yield* GuestLinks
  const token = links.sign(ticket.id, ticket.requester_email)
  return `${base}/guest/tickets/${ticket.number}?token=${token}`
})

const supportLink = Effect.fn("Notify.supportLink")(function* (ticket: Pick<TicketRow, "number">) {
  const config = yield* WharfConfig
  return `${config.publicUrl.replace(/\/$/, "")}/support/tickets/${ticket.number}`
})

/** The first line of a mail one may answer; what a reply quotes from here on is cut off. */
export const REPLY_ABOVE =
  "## 直接回复此邮件即可回复工单，请写在此行上方 / Reply above this line to answer on the ticket ##"

const footer = (link: string) => `\n\n查看工单 / Open the ticket:\n${link}`

export type RequesterNews =
  | { readonly kind: "created" }
  | {
      readonly kind: "reply"
      readonly author: string
      readonly body: string
      readonly proposesSolution: boolean
    }
  | { readonly kind: "closed"; readonly by: string }
  | { readonly kind: "autoClosed"; readonly days: number }

const newsText = (news: RequesterNews) => {
  switch (news.kind) {
    case "created":
      return "我们已收到您的工单，技术支持会尽快处理。\nWe received your ticket; support will answer soon."
    case "reply":
      return `${news.author}${news.proposesSolution ? " 提出了解决方案，请确认问题是否已解决 / proposed a solution; please confirm it solves your problem" : " 回复了您的工单 / replied"}:\n\n${news.body}`
    case "closed":
      return `${news.by} 关闭了工单。欢迎参与满意度调查。\n${news.by} closed the ticket. Please rate our support.`
    case "autoClosed":
      return `工单在待您确认状态 ${news.days} 天未回复，已自动关闭。欢迎参与满意度调查。\nThe ticket waited ${news.days} days for your confirmation and was closed. Please rate our support.`
  }
}

/** The mail to the requester about `news`, or none if they turned notifications off. */
export const mailToRequester = Effect.fn("Notify.requester")(function* (
  ticket: TicketRow,
  news: RequesterNews
) {
  if (ticket.requester_id) {
    const prefs = yield* preferencesOf(ticket.requester_id)
    if (!prefs.emailNotifications) return [] as MailMessage[]
  }
  const link = yield* requesterLink(ticket)
  const config = yield* WharfConfig
  const links = yield* GuestLinks
  // Replies by mail (HD-13) only where Wharf receives them.
  const replyTo =
    config.inboundSmtpPort === null
      ? null
      : taggedReplyAddress(config.replyAddress, links.replyTag(ticket, ticket.requester_email))
  return [
    {
      to: ticket.requester_email,
      subject: subjectOf(ticket),
      text: `${replyTo ? `${REPLY_ABOVE}\n\n` : ""}${ticket.requester_name}，您好 / Hello ${ticket.requester_name},\n\n${newsText(news)}${footer(link)}`,
      headers: { "X-Wharf-Ticket": String(ticket.number), ...(replyTo ? { "Reply-To": replyTo } : {}) }
    }
  ] as MailMessage[]
})

export const mailToSupport = Effect.fn("Notify.support")(function* (
  ticket: TicketRow,
  to: ReadonlyArray<string>,
  text: string
) {
  if (to.length === 0) return [] as MailMessage[]
  const link = yield* supportLink(ticket)
  return [
    {
      to,
      subject: subjectOf(ticket),
      text: `${text}\n\n${link}`,
      headers: { "X-Wharf-Ticket": String(ticket.number) }
    }
  ] as MailMessage[]
})

/** Send after commit; a refusal is logged (and kept in the outbox), never thrown at the user. */
export const deliver = (mails: ReadonlyArray<MailMessage>) =>
  Effect.gen(function* () {
    const mailer = yield* Mailer
    for (const mail of mails) {
      yield* mailer
        .send(mail)
        .pipe(Effect.catch((e) => Effect.logWarning(`mail "${mail.subject}" not delivered: ${e.message}`)))
    }
  })
