/**
 * @module Helpdesk input schemas, shared by the server (decoding at the edge) and the console.
 */
import { CalendarDate, Email, IdempotencyKey, Text, Uuid, WholeNumberFromString } from "@wharf/core/schemas"
import { Schema } from "effect"
import { SEVERITIES, STATUSES } from "./status"

const optionalText = (max: number) => Schema.optional(Text(0, max))

/** A row's id (a UUID). */
export const Id = Uuid
export { Email }
export const SeveritySchema = Schema.Literals(SEVERITIES)
export const StatusSchema = Schema.Literals(STATUSES)
/** A ticket number as people write it: `10023`. */
const TicketNumber = Schema.Int.pipe(
  Schema.check(
    Schema.isBetween({ minimum: 1, maximum: 9_007_199_254_740_991 }, { message: "must be a ticket number" })
  )
)
const Limit = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100 })))
const Offset = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000 })))
const Body = Text(1, 20_000)
/** Ids of finished uploads (the core Uploads service) to attach. */
const Attachments = Schema.optional(
  Schema.Array(Text(1, 200)).pipe(Schema.check(Schema.isMaxLength(10, { message: "at most 10 attachments" })))
)

export const CreateTicketInput = Schema.Struct({
  title: Text(1, 200),
  severity: SeveritySchema,
  categoryId: Id,
  product: optionalText(100),
  version: optionalText(50),
  description: Body,
  /** A group of the requester; absent for the requester's own tenant. */
  groupId: Schema.optional(Id),
  attachments: Attachments
})

/** A client's key for a create it may retry (REST sends it as the Idempotency-Key header). */
const RetryKey = { idempotencyKey: Schema.optional(IdempotencyKey) }

/** `helpdesk.tickets.create`: the REST body and the key. */
export const CreateTicketCall = Schema.Struct({ ...CreateTicketInput.fields, ...RetryKey })

const ListTicketsInput = Schema.Struct({
  status: Schema.optional(StatusSchema),
  severity: Schema.optional(SeveritySchema),
  search: optionalText(200),
  limit: Limit,
  offset: Offset
})

export const TicketRef = Schema.Struct({ number: TicketNumber })

export const ReplyInput = Schema.Struct({
  number: TicketNumber,
  body: Body,
  /** Support only: a note the customer never sees. */
  internal: Schema.optional(Schema.Boolean),
  /** Support only: this reply proposes a solution (→ awaiting confirmation). */
  proposeSolution: Schema.optional(Schema.Boolean),
  /** Customer only, on a proposed solution: it did not solve the problem (→ in progress). */
  notSolved: Schema.optional(Schema.Boolean),
  attachments: Attachments,
  ...RetryKey
})
export const ReplyBody = Schema.Struct({
  body: Body,
  internal: Schema.optional(Schema.Boolean),
  proposeSolution: Schema.optional(Schema.Boolean),
  notSolved: Schema.optional(Schema.Boolean),
  attachments: Attachments
})

const Rating = Schema.Int.pipe(
  Schema.check(Schema.isBetween({ minimum: 1, maximum: 5 }, { message: "must be 1 to 5 stars" }))
)
export const SurveyBody = Schema.Struct({ rating: Rating, comment: optionalText(2000) })
export const SurveyInput = Schema.Struct({
  number: TicketNumber,
  rating: Rating,
  comment: optionalText(2000),
  ...RetryKey
})

export const GuestCreateInput = Schema.Struct({
  name: Text(1, 100),
  email: Email,
  title: Text(1, 200),
  severity: SeveritySchema,
  categoryId: Id,
  description: Body,
  attachments: Attachments,
  /** What the form's uploads were made with (`helpdesk.guest.options`). */
  uploadCredential: Schema.optional(Text(1, 300))
})
/** `helpdesk.guest.create`: the REST body and the key. */
export const GuestCreateCall = Schema.Struct({ ...GuestCreateInput.fields, ...RetryKey })
const GuestToken = Text(1, 200)
export const GuestAccessInput = Schema.Struct({ number: TicketNumber, token: GuestToken })
export const GuestReplyInput = Schema.Struct({
  number: TicketNumber,
  token: GuestToken,
  body: Body,
  notSolved: Schema.optional(Schema.Boolean),
  attachments: Attachments,
  ...RetryKey
})
export const GuestSurveyInput = Schema.Struct({
  number: TicketNumber,
  token: GuestToken,
  rating: Rating,
  comment: optionalText(2000),
  ...RetryKey
})

export const QueueInput = Schema.Struct({
  status: Schema.optional(Schema.Literals([...STATUSES, "open"])),
  severity: Schema.optional(SeveritySchema),
  /** "me", "unassigned", or an agent's id. */
  assignee: Schema.optional(Schema.Union([Schema.Literals(["me", "unassigned"]), Id])),
  categoryId: Schema.optional(Id),
  breached: Schema.optional(Schema.Boolean),
  search: optionalText(200),
  sort: Schema.optional(Schema.Literals(["due", "updated", "created"])),
  limit: Limit,
  offset: Offset
})
export const AssignInput = Schema.Struct({ number: TicketNumber, assigneeId: Schema.NullOr(Id) })
export const SetStatusInput = Schema.Struct({ number: TicketNumber, status: StatusSchema })
export const SetSeverityInput = Schema.Struct({ number: TicketNumber, severity: SeveritySchema })

export const SurveyReportInput = Schema.Struct({
  from: Schema.optional(CalendarDate),
  to: Schema.optional(CalendarDate),
  period: Schema.Literals(["week", "month"])
})

export const PreferencesInput = Schema.Struct({
  emailNotifications: Schema.optional(Schema.Boolean),
  homeCount: Schema.optional(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 20 }))))
})

export const CategoryInput = Schema.Struct({
  name: Text(1, 60),
  nameEn: Text(1, 60),
  position: Schema.optional(Schema.Int),
  calendarId: Schema.optional(Schema.NullOr(Id))
})
export const UpdateCategoryInput = Schema.Struct({
  id: Id,
  name: Schema.optional(Text(1, 60)),
  nameEn: Schema.optional(Text(1, 60)),
  position: Schema.optional(Schema.Int),
  active: Schema.optional(Schema.Boolean),
  calendarId: Schema.optional(Schema.NullOr(Id))
})
const Minutes = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 525_600 })))
export const UpdateCalendarInput = Schema.Struct({
  id: Id,
  name: Schema.optional(Text(1, 60)),
  nameEn: Schema.optional(Schema.NullOr(Text(1, 60))),
  timeZone: Schema.optional(Text(1, 60)),
  holidays: Schema.optional(Schema.Array(CalendarDate)),
  isDefault: Schema.optional(Schema.Literal(true)),
  targets: Schema.optional(
    Schema.Array(
      Schema.Struct({ severity: SeveritySchema, firstResponseMinutes: Minutes, resolutionMinutes: Minutes })
    )
  )
})
export const SettingsInput = Schema.Struct({
  autoCloseDays: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 90 })))
})
export const OutboxInput = Schema.Struct({ to: optionalText(254), limit: Limit, offset: Offset })

/** `GET /api/v1/tickets?status=&severity=&search=&limit=&offset=`. */
export const ListTicketsQuery = Schema.Struct({
  status: Schema.optional(StatusSchema),
  severity: Schema.optional(SeveritySchema),
  search: optionalText(200),
  limit: Schema.optional(WholeNumberFromString(1, 100)),
  offset: Schema.optional(WholeNumberFromString(0, 1_000_000))
})
export const GuestViewQuery = Schema.Struct({ token: GuestToken })
export const GuestReplyBody = Schema.Struct({
  token: GuestToken,
  body: Body,
  notSolved: Schema.optional(Schema.Boolean),
  attachments: Attachments
})
export const MyTicketsInput = Schema.Struct({
  ...ListTicketsInput.fields,
  mine: Schema.optional(Schema.Boolean)
})
