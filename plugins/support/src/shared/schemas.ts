import { Text, Uuid } from "@wharf/core/schemas"
import { Schema } from "effect"

/** A row's id (a UUID). */
export const Id = Uuid
export const Locale = Schema.Literals(["zh-CN", "en"])

const ServiceFields = {
  name: Text(1, 100),
  category: Text(1, 40),
  description: Text(1, 2000),
  priceNote: Text(1, 200)
}
/** A service's Chinese text, and optionally its English one (null: not translated). */
export const ServiceInput = Schema.Struct({
  ...ServiceFields,
  en: Schema.optional(Schema.NullOr(Schema.Struct(ServiceFields)))
})
export const UpdateServiceInput = Schema.Struct({ id: Id, ...ServiceInput.fields })
export const IdInput = Schema.Struct({ id: Id })
export const OrderInput = Schema.Struct({ serviceId: Id, note: Text(0, 2000) })
export const FaqInput = Schema.Struct({ question: Text(1, 300), answer: Text(1, 5000), locale: Locale })
export const UpdateFaqInput = Schema.Struct({
  id: Id,
  question: Text(1, 300),
  answer: Text(1, 5000),
  locale: Locale
})
export const FaqListInput = Schema.Struct({
  q: Schema.optional(Text(0, 200)),
  locale: Schema.optional(Locale)
})
