/**
 * @module Input schemas every plugin shares, on the server and in the console (this file
 * imports nothing but Effect and `reason.ts`): text of bounded length, an id, an email
 * address, a whole number in a query string, a calendar date that exists, and a client's
 * idempotency key.
 */
import { Schema } from "effect"
import { defineReasons } from "./reason"

/**
 * Why a shared schema refuses a field, as codes the console renders in the reader's language
 * (a check's `reason` annotation; `decode.ts` puts it on the field's issue).
 */
export const schemaReasons = defineReasons({
  "core.notARealDate": "must be a real date written YYYY-MM-DD, like 2026-01-31"
})

/** Text from `min` to `max` characters, each bound named in the refusal. */
export const Text = (min: number, max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.isMinLength(min, {
        message: min === 1 ? "must not be empty" : `must be at least ${min} characters`
      }),
      Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
    )
  )

/** A row's id (a UUID). */
export const Uuid = Schema.String.pipe(
  Schema.check(Schema.isUUID(undefined, { message: "must be an id (a UUID)" }))
)

/** An email address, as people type one (a mail server has the last word). */
export const Email = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
      message: "must be an email address, like name@example.com"
    }),
    Schema.isMaxLength(254, { message: "must be at most 254 characters" })
  )
)

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

/** Whether `text` is `YYYY-MM-DD` naming a day of the Gregorian calendar (years 1 to 9999). */
export const isCalendarDate = (text: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
}

/**
 * A day written `YYYY-MM-DD` that exists. `2026-02-30` and `2026-13-45` are refused here with
 * the field's name, before PostgreSQL could shift the first to 2026-03-02 or fail on the second.
 * JSON Schema: `format: "date"`.
 */
export const CalendarDate = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((s: string) => isCalendarDate(s), {
      message: schemaReasons.templates["core.notARealDate"],
      reason: "core.notARealDate",
      toJsonSchema: () => ({ format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" })
    })
  )
)

export const IDEMPOTENCY_KEY_MAX = 200

/**
 * A client's key for a create it may retry (tRPC inputs' `idempotencyKey`; REST sends the
 * `Idempotency-Key` header). JSON Schema: `format: "idempotency-key"`, so sweeps that send one
 * can make each request's key fresh.
 */
export const IdempotencyKey = Schema.String.pipe(
  Schema.check(
    Schema.isMinLength(1, { message: "must not be empty" }),
    Schema.isMaxLength(IDEMPOTENCY_KEY_MAX, {
      message: `must be at most ${IDEMPOTENCY_KEY_MAX} characters`,
      toJsonSchema: () => ({ maxLength: IDEMPOTENCY_KEY_MAX, format: "idempotency-key" })
    })
  )
)

/**
 * A whole number from `minimum` to `maximum` written in a REST query string (`?limit=20`):
 * every query value arrives as text, so it is decoded from it, and "2.5" or "abc" is refused
 * with the field's name.
 */
export const WholeNumberFromString = (minimum: number, maximum: number) =>
  Schema.NumberFromString.pipe(
    Schema.check(Schema.isInt({ message: "must be a whole number" }), Schema.isBetween({ minimum, maximum }))
  )
