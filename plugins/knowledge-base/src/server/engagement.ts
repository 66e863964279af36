/**
 * @module What readers do with articles and what editors learn from it: helpful / not
 * helpful votes (one per user and article; voting again replaces the vote), popular and
 * recent lists, admin-curated quick links, and the editors' article list and feedback report.
 */
import { Db, NotFound, requireRole, requireViewer } from "@wharf/core"
import { Effect } from "effect"
import type { ArticleSummary, FeedbackReportRow, QuickLink } from "../shared/types"
import { summaryOf } from "./articles"

type Locale = "zh-CN" | "en"

const summaryColumns = "id::text, title, tags, product, version, locale, status, updated_at, views"

export const vote = Effect.fn("Articles.vote")(function* (id: string, helpful: boolean, comment: string) {
  const viewer = yield* requireViewer
  const db = yield* Db
  const [article] = yield* db.query(
    (sql) => sql`select 1 from knowledge_base.articles where id = ${id} and status = 'published'`
  )
  if (!article) return yield* new NotFound({ message: "No such article" })
  yield* db.query(
    (sql) => sql`
      insert into knowledge_base.feedback (article_id, user_id, helpful, comment)
      values (${id}, ${viewer.id}, ${helpful}, ${comment})
      on conflict (article_id, user_id) do update
        set helpful = excluded.helpful, comment = excluded.comment, created_at = now()`
  )
  const [counts] = yield* db.query(
    (sql) => sql<{ helpful: string; not_helpful: string }[]>`
      select count(*) filter (where helpful)::text as helpful, count(*) filter (where not helpful)::text as not_helpful
      from knowledge_base.feedback where article_id = ${id}`
  )
  return {
    helpful: Number(counts?.helpful ?? 0),
    notHelpful: Number(counts?.not_helpful ?? 0),
    myVote: helpful
  }
})

const listBy = (order: "views" | "updated", locale: Locale | undefined, limit: number) =>
  Effect.gen(function* () {
    const db = yield* Db
    const rows = yield* db.query(
      (sql) => sql<Parameters<typeof summaryOf>[0][]>`
        select ${sql.unsafe(summaryColumns)} from knowledge_base.articles
        where status = 'published' and (${locale ?? null}::text is null or locale = ${locale ?? null})
        order by ${order === "views" ? sql`views desc, updated_at desc` : sql`updated_at desc`}, id
        limit ${limit}`
    )
    return rows.map(summaryOf)
  })

export const popular = (locale: Locale | undefined) => listBy("views", locale, 8)
export const recent = (locale: Locale | undefined) => listBy("updated", locale, 8)

export const quickLinks = Effect.fn("QuickLinks.list")(function* (locale: Locale | undefined) {
  const db = yield* Db
  return yield* db.query(
    (sql) => sql<QuickLink[]>`
      select label, query, locale from knowledge_base.quick_links
      where (${locale ?? null}::text is null or locale = ${locale ?? null}) order by locale, position`
  )
})

/** Replace one language's quick links with `links`, in that order. */
export const setQuickLinks = Effect.fn("QuickLinks.set")(function* (
  locale: Locale,
  links: ReadonlyArray<QuickLink>
) {
  yield* requireRole("admin")
  const db = yield* Db
  yield* db.transaction(
    Effect.gen(function* () {
      yield* db.query((sql) => sql`delete from knowledge_base.quick_links where locale = ${locale}`)
      let position = 0
      for (const l of links) {
        yield* db.query(
          (sql) => sql`insert into knowledge_base.quick_links (label, query, locale, position)
                       values (${l.label}, ${l.query}, ${locale}, ${position++})`
        )
      }
    })
  )
  return yield* quickLinks(locale)
})

/** Every article, drafts too, for the editors' list; `search` matches title words. */
export const editorList = Effect.fn("Articles.editorList")(function* (input: {
  readonly search?: string | undefined
  readonly status?: "draft" | "published" | undefined
  readonly limit: number
  readonly offset: number
}) {
  yield* requireRole("admin", "agent")
  const db = yield* Db
  const pattern = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const rows = yield* db.query(
    (sql) => sql<(Parameters<typeof summaryOf>[0] & { total: string })[]>`
      select ${sql.unsafe(summaryColumns)}, count(*) over ()::text as total from knowledge_base.articles
      where (${pattern}::text is null or title ilike ${pattern})
        and (${input.status ?? null}::text is null or status = ${input.status ?? null})
      order by updated_at desc, id limit ${input.limit} offset ${input.offset}`
  )
  const items: ArticleSummary[] = rows.map(summaryOf)
  return { items, total: Number(rows[0]?.total ?? 0) }
})

/** Articles with votes, the least helpful first, with the latest comment left. */
export const feedbackReport = Effect.fn("Articles.feedbackReport")(function* () {
  yield* requireRole("admin", "agent")
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<
      {
        id: string
        title: string
        locale: Locale
        helpful: string
        not_helpful: string
        last_comment: string | null
      }[]
    >`
      select a.id::text, a.title, a.locale,
             count(*) filter (where f.helpful)::text as helpful,
             count(*) filter (where not f.helpful)::text as not_helpful,
             (array_agg(nullif(f.comment, '') order by f.created_at desc) filter (where f.comment <> ''))[1] as last_comment
      from knowledge_base.feedback f join knowledge_base.articles a on a.id = f.article_id
      group by a.id, a.title, a.locale
      order by count(*) filter (where not f.helpful) desc, a.title
      limit 200`
  )
  return rows.map(
    (r): FeedbackReportRow => ({
      id: r.id,
      title: r.title,
      locale: r.locale,
      helpful: Number(r.helpful),
      notHelpful: Number(r.not_helpful),
      lastComment: r.last_comment
    })
  )
})
