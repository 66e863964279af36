import { Schema } from "effect"

const text = (min: number, max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.isMinLength(min, { message: "must not be empty" }),
      Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
    )
  )

export const PageInput = Schema.Struct({
  product: text(1, 40),
  version: text(1, 20),
  slug: Schema.optional(text(1, 80))
})
export const ManualSearchInput = Schema.Struct({
  q: text(1, 200),
  product: Schema.optional(text(1, 40)),
  version: Schema.optional(text(1, 20))
})
export const ReleaseInput = Schema.Struct({
  title: text(1, 200),
  product: text(1, 40),
  version: text(1, 20),
  date: Schema.String.pipe(
    Schema.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date, YYYY-MM-DD" }))
  ),
  body: text(1, 50_000)
})
export const ReleaseListInput = Schema.Struct({
  limit: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100 }))),
  offset: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
})
