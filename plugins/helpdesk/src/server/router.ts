/**
 * @module Helpdesk tRPC procedures. Customers: `tickets.*`, `preferences.*`; support:
 * `support.*`; admins: `admin.*`; anyone with a signed link: `guest.*`. Each decodes its
 * input and calls one service function.
 */
import {
  adminProcedure,
  agentProcedure,
  authedProcedure,
  input,
  Mailer,
  publicProcedure,
  router
} from "@wharf/core"
import { Effect } from "effect"
import {
  AssignInput,
  CategoryInput,
  CreateTicketCall,
  GuestAccessInput,
  GuestCreateCall,
  GuestReplyInput,
  GuestSurveyInput,
  MyTicketsInput,
  OutboxInput,
  PreferencesInput,
  QueueInput,
  ReplyInput,
  SetSeverityInput,
  SetStatusInput,
  SettingsInput,
  SurveyInput,
  SurveyReportInput,
  TicketRef,
  UpdateCalendarInput,
  UpdateCategoryInput
} from "../shared/schemas"
import { assignTicket, closeTicket, replyToTicket, setSeverity, setStatus } from "./actions"
import { listCalendars, updateCalendar } from "./calendars"
import {
  createGuestTicket,
  formUploadCredential,
  guestClose,
  guestReply,
  guestSurvey,
  guestTicket
} from "./guests"
import { listAgents, preferencesOf, setPreferences } from "./people"
import { listQueue } from "./queue"
import { autoCloseDays, createCategory, listCategories, setAutoCloseDays, updateCategory } from "./settings"
import { rateTicket, surveyReport } from "./surveys"
import { createTicket, getTicket, listTickets } from "./tickets"

const tickets = router({
  /** What the new-ticket form offers: categories, the viewer's groups (tenants). */
  options: authedProcedure.query(({ ctx }) =>
    ctx.run(
      Effect.map(listCategories(false), (categories) => ({
        categories,
        groups: ctx.viewer.groups.map((g) => ({ id: g.id, name: g.name }))
      }))
    )
  ),
  list: authedProcedure.input(input(MyTicketsInput)).query(({ ctx, input }) => ctx.run(listTickets(input))),
  get: authedProcedure.input(input(TicketRef)).query(({ ctx, input }) => ctx.run(getTicket(input.number))),
  create: authedProcedure
    .input(input(CreateTicketCall))
    .mutation(({ ctx, input: { idempotencyKey, ...request } }) =>
      ctx.run(createTicket(request, idempotencyKey))
    ),
  reply: authedProcedure
    .input(input(ReplyInput))
    .mutation(({ ctx, input: { idempotencyKey, number, ...reply } }) =>
      ctx.run(replyToTicket(number, reply, "console", idempotencyKey))
    ),
  close: authedProcedure
    .input(input(TicketRef))
    .mutation(({ ctx, input }) => ctx.run(closeTicket(input.number, "close"))),
  confirm: authedProcedure
    .input(input(TicketRef))
    .mutation(({ ctx, input }) => ctx.run(closeTicket(input.number, "confirm"))),
  survey: authedProcedure
    .input(input(SurveyInput))
    .mutation(({ ctx, input: { idempotencyKey, number, ...answer } }) =>
      ctx.run(rateTicket(number, answer, idempotencyKey))
    )
})

const preferences = router({
  get: authedProcedure.query(({ ctx }) => ctx.run(preferencesOf(ctx.viewer.id))),
  set: authedProcedure
    .input(input(PreferencesInput))
    .mutation(({ ctx, input }) => ctx.run(setPreferences(ctx.viewer.id, input)))
})

const support = router({
  queue: agentProcedure.input(input(QueueInput)).query(({ ctx, input }) => ctx.run(listQueue(input))),
  agents: agentProcedure.query(({ ctx }) =>
    ctx.run(Effect.map(listAgents(), (agents) => agents.map((a) => ({ id: a.id, name: a.name }))))
  ),
  assign: agentProcedure
    .input(input(AssignInput))
    .mutation(({ ctx, input }) => ctx.run(assignTicket(input.number, input.assigneeId))),
  setStatus: agentProcedure
    .input(input(SetStatusInput))
    .mutation(({ ctx, input }) => ctx.run(setStatus(input.number, input.status))),
  setSeverity: agentProcedure
    .input(input(SetSeverityInput))
    .mutation(({ ctx, input }) => ctx.run(setSeverity(input.number, input.severity))),
  surveyReport: agentProcedure
    .input(input(SurveyReportInput))
    .query(({ ctx, input }) => ctx.run(surveyReport(input)))
})

const guest = router({
  /** The form's categories, and a fresh credential for the attachments it uploads. */
  options: publicProcedure.query(({ ctx }) =>
    ctx.run(
      Effect.gen(function* () {
        const categories = yield* listCategories(false)
        return { categories, ...(yield* formUploadCredential) }
      })
    )
  ),
  create: publicProcedure
    .input(input(GuestCreateCall))
    .mutation(({ ctx, input: { idempotencyKey, ...request } }) =>
      ctx.run(createGuestTicket(request, { ip: ctx.ip, key: idempotencyKey }))
    ),
  view: publicProcedure
    .input(input(GuestAccessInput))
    .query(({ ctx, input }) => ctx.run(guestTicket(input.number, input.token))),
  reply: publicProcedure
    .input(input(GuestReplyInput))
    .mutation(({ ctx, input }) =>
      ctx.run(
        guestReply(
          input.number,
          input.token,
          input.body,
          input.attachments,
          input.notSolved,
          input.idempotencyKey
        )
      )
    ),
  close: publicProcedure
    .input(input(GuestAccessInput))
    .mutation(({ ctx, input }) => ctx.run(guestClose(input.number, input.token, "close"))),
  confirm: publicProcedure
    .input(input(GuestAccessInput))
    .mutation(({ ctx, input }) => ctx.run(guestClose(input.number, input.token, "confirm"))),
  survey: publicProcedure
    .input(input(GuestSurveyInput))
    .mutation(({ ctx, input: { idempotencyKey, number, token, ...answer } }) =>
      ctx.run(guestSurvey(number, token, answer, idempotencyKey))
    )
})

const admin = router({
  categories: adminProcedure.query(({ ctx }) => ctx.run(listCategories(true))),
  createCategory: adminProcedure
    .input(input(CategoryInput))
    .mutation(({ ctx, input }) => ctx.run(createCategory(input))),
  updateCategory: adminProcedure
    .input(input(UpdateCategoryInput))
    .mutation(({ ctx, input }) => ctx.run(updateCategory(input))),
  calendars: adminProcedure.query(({ ctx }) => ctx.run(listCalendars())),
  updateCalendar: adminProcedure
    .input(input(UpdateCalendarInput))
    .mutation(({ ctx, input }) => ctx.run(updateCalendar(input))),
  settings: adminProcedure.query(({ ctx }) =>
    ctx.run(Effect.map(autoCloseDays, (days) => ({ autoCloseDays: days })))
  ),
  setSettings: adminProcedure
    .input(input(SettingsInput))
    .mutation(({ ctx, input }) => ctx.run(setAutoCloseDays(input.autoCloseDays))),
  outbox: adminProcedure
    .input(input(OutboxInput))
    .query(({ ctx, input }) =>
      ctx.run(Mailer.use((m) => Effect.map(m.outbox(input), (page) => ({ ...page, transport: m.transport }))))
    )
})

export const helpdeskRouter = router({ tickets, preferences, support, guest, admin })
export type HelpdeskRouter = typeof helpdeskRouter
