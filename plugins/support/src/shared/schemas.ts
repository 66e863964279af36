import { Schema } from "effect"

const text = (min: number, max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.isMinLength(min, { message: "must not be empty" }),
      Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
    )
  )
export const Id = Schema.String.pipe(
  Schema.check(Schema.isUUID(undefined, { message: "must be an id (a UUID)" }))
)
export const Locale = Schema.Literals(["zh-CN", "en"])

const ServiceFields = {
  name: text(1, 100),
  category: text(1, 40),
  description: text(1, 2000),
  priceNote: text(1, 200)
}
/** A service's Chinese text, and optionally its English one (null: not translated). */
export const ServiceInput = Schema.Struct({
  ...ServiceFields,
  en: Schema.optional(Schema.NullOr(Schema.Struct(ServiceFields)))
})
export const UpdateServiceInput = Schema.Struct({ id: Id, ...ServiceInput.fields })
export const IdInput = Schema.Struct({ id: Id })
export const OrderInput = Schema.Struct({ serviceId: Id, note: text(0, 2000) })
export const FaqInput = Schema.Struct({ question: text(1, 300), answer: text(1, 5000), locale: Locale })
export const UpdateFaqInput = Schema.Struct({
  id: Id,
  question: text(1, 300),
  answer: text(1, 5000),
  locale: Locale
})
export const FaqListInput = Schema.Struct({
  q: Schema.optional(text(0, 200)),
  locale: Schema.optional(Locale)
})
