import { CalendarDate, Text } from "@wharf/core/schemas"
import { Schema } from "effect"

/** The reader's language: titles (and release notes) come in it when translated. */
export const Locale = Schema.Literals(["zh-CN", "en"])
export const LocaleInput = Schema.Struct({ locale: Schema.optional(Locale) })

export const PageInput = Schema.Struct({
  product: Text(1, 40),
  version: Text(1, 20),
  slug: Schema.optional(Text(1, 80)),
  locale: Schema.optional(Locale)
})
export const ManualSearchInput = Schema.Struct({
  q: Text(1, 200),
  product: Schema.optional(Text(1, 40)),
  version: Schema.optional(Text(1, 20)),
  /** Search the pages as a reader in this language reads them; both languages if absent. */
  locale: Schema.optional(Locale)
})
export const ReleaseInput = Schema.Struct({
  title: Text(1, 200),
  product: Text(1, 40),
  version: Text(1, 20),
  date: CalendarDate,
  body: Text(1, 50_000)
})
export const ReleaseListInput = Schema.Struct({
  limit: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100 }))),
  offset: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
  locale: Schema.optional(Locale)
})

/** A day that exists: `2026-02-30` is refused here, not shifted by the database. */
const date = CalendarDate
const slug = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,79}$/, {
      message: "must be lowercase letters, digits and dashes (at most 80), e.g. install-app"
    })
  )
)
export const CreateManualInput = Schema.Struct({
  product: Text(1, 40),
  version: Text(1, 20),
  title: Text(1, 200),
  publishedAt: date,
  copyFrom: Schema.optional(Text(1, 20))
})
/**
 * A page's English title and Markdown: null clears it (English readers then see the
 * Chinese), absent keeps what is stored.
 */
const PageEnglish = {
  titleEn: Schema.optional(Schema.NullOr(Text(1, 200))),
  bodyEn: Schema.optional(Schema.NullOr(Text(1, 200_000)))
}
export const PageRef = Schema.Struct({ product: Text(1, 40), version: Text(1, 20), slug })
export const SavePageInput = Schema.Struct({
  product: Text(1, 40),
  version: Text(1, 20),
  slug: Schema.optional(slug),
  newSlug: slug,
  title: Text(1, 200),
  body: Text(1, 200_000),
  ...PageEnglish,
  parent: Schema.optional(Schema.NullOr(slug))
})
/** REST: the page is named by the path, the rest is the body. */
export const PageBody = Schema.Struct({
  title: Text(1, 200),
  body: Text(1, 200_000),
  ...PageEnglish,
  parent: Schema.optional(Schema.NullOr(slug))
})
