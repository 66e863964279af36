/**
 * @module The knowledge base's input schemas, shared by the server (decoding) and the console.
 */
import { Text, Uuid, WholeNumberFromString } from "@wharf/core/schemas"
import { Schema } from "effect"

const optionalFilter = Schema.optional(Text(1, 40))

/** A row's id (a UUID). */
export const Id = Uuid
export const Locale = Schema.Literals(["zh-CN", "en"])
export const Status = Schema.Literals(["draft", "published"])

export const ArticleFields = {
  title: Text(1, 200),
  body: Text(1, 100_000),
  tags: Schema.Array(Text(1, 40)).pipe(Schema.check(Schema.isMaxLength(20, { message: "at most 20 tags" }))),
  product: Text(1, 40),
  version: Text(1, 20),
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
export const PreviewInput = Schema.Struct({ body: Text(0, 100_000) })
export const RevisionInput = Schema.Struct({ id: Id, revision: Schema.Int })
export const DiffInput = Schema.Struct({ id: Id, from: Schema.Int, to: Schema.Int })
export const FeedbackInput = Schema.Struct({
  id: Id,
  helpful: Schema.Boolean,
  comment: Schema.optional(Text(0, 1000))
})
export const EditorListInput = Schema.Struct({
  search: Schema.optional(Text(0, 200)),
  status: Schema.optional(Status),
  limit: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100 }))),
  offset: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
})
const QuickLinkInput = Schema.Struct({ label: Text(1, 80), query: Text(1, 200), locale: Locale })
export const QuickLinksInput = Schema.Struct({ locale: Locale, links: Schema.Array(QuickLinkInput) })
export const LocaleInput = Schema.Struct({ locale: Schema.optional(Locale) })

/** Any page of an answer can be asked for (totals are exact); past the last one, it is empty. */
const MAX_SEARCH_OFFSET = 1_000_000

const searchFields = {
  q: Text(1, 200),
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
