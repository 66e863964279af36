/**
 * @module KbSearch: the published articles' search index on this replica. Built from the
 * database at start-up, then kept current by ArticleEvents (every create, edit and delete,
 * on any replica, re-reads that article). Drafts are never indexed, so readers cannot find them.
 */
import { Db, type DbError } from "@wharf/core"
import { Context, Effect, Layer } from "effect"
import type { SearchAnswer, SearchResult } from "../shared/types"
import { ArticleEvents } from "./events"
import { type IndexQuery, SearchIndex } from "./search-index"
import { highlight, plainText, snippet } from "./text"

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

const docOf = (r: Row) => ({
  id: r.id,
  title: r.title,
  text: plainText(r.body),
  product: r.product,
  version: r.version,
  locale: r.locale,
  tags: r.tags
})

export const kbSearchLayer = Layer.effect(
  KbSearch,
  Effect.gen(function* () {
    const db = yield* Db
    const events = yield* ArticleEvents
    const index = new SearchIndex()
    const published = yield* db.query(
      (sql) => sql<Row[]>`
      select id::text, title, body, tags, product, version, locale, status, updated_at, views
      from knowledge_base.articles where status = 'published'`
    )
    for (const r of published) index.put(docOf(r))

    yield* events.subscribe((ids) =>
      db
        .query(
          (sql) => sql<Row[]>`
          select id::text, title, body, tags, product, version, locale, status, updated_at, views
          from knowledge_base.articles where id = any(${ids as string[]}::uuid[]) and status = 'published'`
        )
        .pipe(
          Effect.flatMap((rows) =>
            Effect.sync(() => {
              const live = new Set(rows.map((r) => r.id))
              for (const r of rows) index.put(docOf(r))
              for (const id of ids) if (!live.has(id)) index.remove(id)
            })
          ),
          Effect.catchCause((cause) => Effect.logWarning("knowledge-base index update failed", cause))
        )
    )

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
