/**
 * @module Errors every service may fail with, and the one place that maps them to
 * HTTP statuses and tRPC codes. Messages are written for the person who has to act.
 */
import { Schema } from "effect"

/**
 * What every error may carry besides its English message: a reason code and parameters
 * the console renders in the reader's language (see `reason.ts`).
 */
const reasonFields = {
  reason: Schema.optional(Schema.String),
  params: Schema.optional(Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Number])))
}

const Issue = Schema.Struct({
  path: Schema.String,
  message: Schema.String,
  ...reasonFields
})

/** The input is wrong; `issues` says which field and why. */
export class Invalid extends Schema.TaggedError<Invalid>()("Invalid", {
  message: Schema.String,
  issues: Schema.optional(Schema.Array(Issue)),
  ...reasonFields
}) {}

/** Not signed in, or the session/token has expired. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  message: Schema.String,
  ...reasonFields
}) {}

/** Signed in, but this role may not do this. */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  message: Schema.String,
  ...reasonFields
}) {}

/** Absent, or invisible to the caller (another tenant's data is reported as absent). */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  message: Schema.String,
  ...reasonFields
}) {}

/** The request clashes with the current state (a duplicate name, a stale version). */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  message: Schema.String,
  ...reasonFields
}) {}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  message: Schema.String,
  retryAfterSeconds: Schema.Number,
  ...reasonFields
}) {}

/** A dependency (the database, a cluster, SMTP) did not answer. */
export class Unavailable extends Schema.TaggedError<Unavailable>()("Unavailable", {
  message: Schema.String,
  ...reasonFields
}) {}

export type WharfError = Invalid | Unauthorized | Forbidden | NotFound | Conflict | RateLimited | Unavailable

export const httpStatusOf = {
  Invalid: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  RateLimited: 429,
  Unavailable: 503
} as const satisfies Record<WharfError["_tag"], number>

export const trpcCodeOf = {
  Invalid: "BAD_REQUEST",
  Unauthorized: "UNAUTHORIZED",
  Forbidden: "FORBIDDEN",
  NotFound: "NOT_FOUND",
  Conflict: "CONFLICT",
  RateLimited: "TOO_MANY_REQUESTS",
  Unavailable: "SERVICE_UNAVAILABLE"
} as const satisfies Record<WharfError["_tag"], string>

const tags = new Set(Object.keys(httpStatusOf))

export const isWharfError = (u: unknown): u is WharfError =>
  typeof u === "object" && u !== null && tags.has((u as { _tag?: string })._tag ?? "")

/** The reason code and parameters of an error, for the console to render (absent when none). */
export const reasonOf = (e: WharfError) => ({
  ...(e.reason ? { reason: e.reason } : {}),
  ...(e.params ? { params: e.params } : {})
})

/** The JSON body every REST error has: `{ error: { code, message, reason?, params?, issues? } }`. */
export const errorBody = (e: WharfError) => ({
  error: {
    code: e._tag,
    message: e.message,
    ...reasonOf(e),
    ...(e._tag === "Invalid" && e.issues ? { issues: e.issues } : {}),
    ...(e._tag === "RateLimited" ? { retryAfterSeconds: e.retryAfterSeconds } : {})
  }
})
