/**
 * @module KbSearch: the published articles' search index on this replica. Built from the
 * database at start-up, then kept current by core's Events (every create, edit and delete,
 * on any replica, re-reads that article). Drafts are never indexed, so readers cannot find them.
 */
import { Db, type DbError, Events } from "@wharf/core"
import { highlight, type IndexQuery, plainText, SearchIndex, snippet } from "@wharf/core/search"
import { Context, Effect, Layer } from "effect"
import { tagLabel } from "../shared/tags"
import type { SearchAnswer, SearchResult } from "../shared/types"

interface Row {
  id: string
  title: string
  body: string
  tags: string[]
  product: string
  version: string
  locale: "zh-CN" | "en"
  status: "draft" | "published"
  updated_at: Date
  views: number
}

export interface KbSearchShape {
  readonly search: (query: IndexQuery) => Effect.Effect<SearchAnswer, DbError>
  /** Published articles like this one (same words in the title), itself excluded. */
  readonly related: (article: {
    id: string
    title: string
    locale: string
  }) => Effect.Effect<SearchAnswer, DbError>
  readonly size: Effect.Effect<number>
}

export class KbSearch extends Context.Service<KbSearch, KbSearchShape>()("wharf/knowledge-base/KbSearch") {}

/** The `Events` topic of "this article changed" (its id): published with every write. */
export const ARTICLE_CHANGED = "knowledge-base.article"

/** Articles read per query while building the index at start-up. */
const LOAD_PAGE = 2000

type IndexedRow = Pick<Row, "id" | "title" | "body" | "tags" | "product" | "version" | "locale">

const docOf = (r: IndexedRow) => ({
  id: r.id,
  title: r.title,
  text: plainText(r.body),
  product: r.product,
  version: r.version,
  locale: r.locale,
  tags: r.tags,
  // Searched by the words its readers know the tags by (常见问题 in Chinese, FAQ in English).
  tagWords: r.tags.map((t) => tagLabel(t, r.locale)).join(" ")
})

export const kbSearchLayer = Layer.effect(
  KbSearch,
  Effect.gen(function* () {
    const db = yield* Db
    const events = yield* Events
    const index = new SearchIndex()
    // Subscribed before loading: a change made while the pages below are read is applied
    // (re-read) rather than passed over by the change log, and a page read before the
    // change does not overwrite it afterwards.
    let changedWhileLoading: Set<string> | undefined = new Set()
    yield* events.subscribe(ARTICLE_CHANGED, (ids) =>
      db
        .query(
          (sql) => sql<Row[]>`
          select id::text, title, body, tags, product, version, locale, status, updated_at, views
          from knowledge_base.articles where id = any(${ids as string[]}::uuid[]) and status = 'published'`
        )
        .pipe(
          Effect.flatMap((rows) =>
            Effect.sync(() => {
              for (const id of ids) changedWhileLoading?.add(id)
              const live = new Set(rows.map((r) => r.id))
              for (const r of rows) index.put(docOf(r))
              for (const id of ids) if (!live.has(id)) index.remove(id)
            })
          ),
          Effect.catchCause((cause) => Effect.logWarning("knowledge-base index update failed", cause))
        )
    )

    // In pages by id, so a large knowledge base's bodies are not all in memory at once.
    for (let after: string | undefined; ; ) {
      const page = yield* db.query(
        (sql) => sql<IndexedRow[]>`
        select id::text, title, body, tags, product, version, locale
        from knowledge_base.articles
        where status = 'published' ${after === undefined ? sql`` : sql`and id > ${after}::uuid`}
        order by id limit ${LOAD_PAGE}`
      )
      for (const r of page) if (!changedWhileLoading.has(r.id)) index.put(docOf(r))
      if (page.length < LOAD_PAGE) break
      after = page.at(-1)!.id
    }
    changedWhileLoading = undefined

    const search = Effect.fn("KbSearch.search")(function* (query: IndexQuery) {
      const started = performance.now()
      const hits = index.search(query)
      const rows =
        hits.ids.length === 0
          ? []
          : yield* db.query(
              (sql) => sql<Row[]>`
              select id::text, title, body, tags, product, version, locale, status, updated_at, views
              from knowledge_base.articles where id = any(${hits.ids as string[]}::uuid[]) and status = 'published'`
            )
      const byId = new Map(rows.map((r) => [r.id, r]))
      const items: SearchResult[] = hits.ids.flatMap((id) => {
        const r = byId.get(id)
        if (!r) return []
        return [
          {
            id: r.id,
            title: r.title,
            product: r.product,
            version: r.version,
            locale: r.locale,
            tags: r.tags,
            status: r.status,
            updatedAt: r.updated_at.toISOString(),
            views: r.views,
            titleSegments: highlight(r.title, hits.terms),
            snippet: snippet(plainText(r.body), hits.terms)
          }
        ]
      })
      return {
        items,
        total: hits.total,
        partial: hits.partial,
        tookMs: Math.round(performance.now() - started)
      }
    })

    return KbSearch.of({
      search,
      related: (article) =>
        // Any shared word counts (partial matching): a title rarely shares all its words.
        search({ q: article.title, locale: article.locale, limit: 6, offset: 0, anyTerms: true }).pipe(
          Effect.map((answer) => ({
            ...answer,
            items: answer.items.filter((i) => i.id !== article.id).slice(0, 5)
          }))
        ),
      size: Effect.sync(() => index.size)
    })
  })
)
