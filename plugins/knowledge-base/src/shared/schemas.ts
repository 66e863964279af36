/**
 * @module The knowledge base's input schemas, shared by the server (decoding) and the console.
 */
import { WholeNumberFromString } from "@wharf/core/schemas"
import { Schema } from "effect"

const text = (min: number, max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.isMinLength(min, {
        message: min === 1 ? "must not be empty" : `must be at least ${min} characters`
      }),
      Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
    )
  )
const optionalFilter = Schema.optional(text(1, 40))

export const Id = Schema.String.pipe(
  Schema.check(Schema.isUUID(undefined, { message: "must be an id (a UUID)" }))
)
export const Locale = Schema.Literals(["zh-CN", "en"])
export const Status = Schema.Literals(["draft", "published"])

export const ArticleFields = {
  title: text(1, 200),
  body: text(1, 100_000),
  tags: Schema.Array(text(1, 40)).pipe(Schema.check(Schema.isMaxLength(20, { message: "at most 20 tags" }))),
  product: text(1, 40),
  version: text(1, 20),
  locale: Locale,
  status: Status
}
export const CreateArticleInput = Schema.Struct(ArticleFields)
export const UpdateArticleInput = Schema.Struct({
  id: Id,
  /** The revision the editor started from: a newer one means someone else saved meanwhile. */
  revision: Schema.Int,
  ...ArticleFields
})
export const IdInput = Schema.Struct({ id: Id })
export const PreviewInput = Schema.Struct({ body: text(0, 100_000) })
export const RevisionInput = Schema.Struct({ id: Id, revision: Schema.Int })
export const DiffInput = Schema.Struct({ id: Id, from: Schema.Int, to: Schema.Int })
export const FeedbackInput = Schema.Struct({
  id: Id,
  helpful: Schema.Boolean,
  comment: Schema.optional(text(0, 1000))
})
export const EditorListInput = Schema.Struct({
  search: Schema.optional(text(0, 200)),
  status: Schema.optional(Status),
  limit: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100 }))),
  offset: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
})
const QuickLinkInput = Schema.Struct({ label: text(1, 80), query: text(1, 200), locale: Locale })
export const QuickLinksInput = Schema.Struct({ locale: Locale, links: Schema.Array(QuickLinkInput) })
export const LocaleInput = Schema.Struct({ locale: Schema.optional(Locale) })

/** Any page of an answer can be asked for (totals are exact); past the last one, it is empty. */
const MAX_SEARCH_OFFSET = 1_000_000

const searchFields = {
  q: text(1, 200),
  product: optionalFilter,
  version: optionalFilter,
  locale: Schema.optional(Locale),
  tag: optionalFilter
}
/** tRPC search input: numbers are numbers. */
export const SearchInput = Schema.Struct({
  ...searchFields,
  limit: Schema.optional(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 50 })))),
  offset: Schema.optional(
    Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: MAX_SEARCH_OFFSET })))
  )
})
/** The REST search query (every value arrives as a string). */
export const SearchQuery = Schema.Struct({
  ...searchFields,
  limit: Schema.optional(WholeNumberFromString(1, 50)),
  offset: Schema.optional(WholeNumberFromString(0, MAX_SEARCH_OFFSET))
})
