/**
 * @module Errors every service may fail with, and the one place that maps them to
 * HTTP statuses and tRPC codes. Messages are written for the person who has to act.
 */
import { Schema } from "effect"

/** The input is wrong; `issues` says which field and why. */
export class Invalid extends Schema.TaggedError<Invalid>()("Invalid", {
  message: Schema.String,
  issues: Schema.optional(Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String })))
}) {}

/** Not signed in, or the session/token has expired. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  message: Schema.String
}) {}

/** Signed in, but this role may not do this. */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  message: Schema.String
}) {}

/** Absent, or invisible to the caller (another tenant's data is reported as absent). */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  message: Schema.String
}) {}

/** The request clashes with the current state (a duplicate name, a stale version). */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  message: Schema.String
}) {}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  message: Schema.String,
  retryAfterSeconds: Schema.Number
}) {}

/** A dependency (the database, a cluster, SMTP) did not answer. */
export class Unavailable extends Schema.TaggedError<Unavailable>()("Unavailable", {
  message: Schema.String
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

/** The JSON body every REST error has: `{ error: { code, message, issues? } }`. */
export const errorBody = (e: WharfError) => ({
  error: {
    code: e._tag,
    message: e.message,
    ...(e._tag === "Invalid" && e.issues ? { issues: e.issues } : {}),
    ...(e._tag === "RateLimited" ? { retryAfterSeconds: e.retryAfterSeconds } : {})
  }
})
