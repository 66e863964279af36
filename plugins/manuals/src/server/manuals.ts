/**
 * @module Manuals: the list (latest version of each product marked), one page with the
 * manual's table of contents and a version switcher, and search over every page. The
 * search reuses the knowledge base's index code (Chinese bigrams, typo correction), built
 * from the database at start-up and after each edit, on every replica (core's Events).
 */
import { Db, type DbError, NotFound, type RebuiltCopy, rebuiltCopy } from "@wharf/core"
import { renderMarkdown } from "@wharf/core/markdown"
import { plainText, SearchIndex, snippet } from "@wharf/core/search"
import { Context, Effect, Layer } from "effect"
import type { ManualPage, ManualSummary, PageHit, PageNode } from "../shared/types"

/** "7.0" < "7.0.1" < "7.1" < "10.0": compare dotted numbers, not strings. */
export const compareVersions = (a: string, b: string) => {
  const pa = a.split(".").map(Number)
  const pb = b.split(".").map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** The language a manual's titles and pages are read in; English falls back to the Chinese where untranslated. */
export type Locale = "zh-CN" | "en"

interface ManualRow {
  id: string
  product: string
  version: string
  title: string
  title_en: string | null
  published_at: Date | string
}
interface PageRow {
  id: string
  manual_id: string
  parent_id: string | null
  slug: string
  title: string
  title_en: string | null
  body: string
  body_en: string | null
}

/** A title in the reader's language. */
const titleIn = (locale: Locale | undefined, r: { title: string; title_en: string | null }) =>
  (locale === "en" && r.title_en) || r.title

/** A page's Markdown in the reader's language (the Chinese where no English was written). */
const bodyIn = (locale: Locale | undefined, r: { body: string; body_en: string | null }) =>
  (locale === "en" && r.body_en) || r.body

const manualRows = Effect.gen(function* () {
  const db = yield* Db
  return yield* db.query(
    (sql) =>
      sql<ManualRow[]>`select id::text, product, version, title, title_en, published_at from manuals.manuals`
  )
})

const summaries = (rows: ReadonlyArray<ManualRow>, locale?: Locale): ManualSummary[] => {
  const newest = new Map<string, string>()
  for (const r of rows) {
    const best = newest.get(r.product)
    if (!best || compareVersions(r.version, best) > 0) newest.set(r.product, r.version)
  }
  return [...rows]
    .sort((a, b) => a.product.localeCompare(b.product) || compareVersions(b.version, a.version))
    .map((r) => ({
      product: r.product,
      version: r.version,
      title: titleIn(locale, r),
      publishedAt: new Date(r.published_at).toISOString().slice(0, 10),
      latest: newest.get(r.product) === r.version
    }))
}

export const listManuals = (locale?: Locale) => Effect.map(manualRows, (rows) => summaries(rows, locale))

const tree = (pages: ReadonlyArray<PageRow>, parent: string | null, locale?: Locale): PageNode[] =>
  pages
    .filter((p) => p.parent_id === parent)
    .map((p) => ({ slug: p.slug, title: titleIn(locale, p), children: tree(pages, p.id, locale) }))

export const getPage = Effect.fn("Manuals.page")(function* (
  product: string,
  version: string,
  slug?: string,
  locale?: Locale
) {
  const db = yield* Db
  const all = yield* manualRows
  const manual = all.find((m) => m.product === product && m.version === version)
  if (!manual) return yield* new NotFound({ message: `No ${product} ${version} manual` })
  const pages = yield* db.query(
    (sql) => sql<PageRow[]>`
      select id::text, manual_id::text, parent_id::text, slug, title, title_en, body, body_en from manuals.pages
      where manual_id = ${manual.id} order by position`
  )
  const toc = tree(pages, null, locale)
  const page = slug ? pages.find((p) => p.slug === slug) : pages.find((p) => p.parent_id === null)
  if (!page) return yield* new NotFound({ message: `No page "${slug}" in the ${product} ${version} manual` })
  const siblings = all.filter((m) => m.product === product)
  const having = yield* db.query(
    (sql) => sql<{ manual_id: string }[]>`
      select manual_id::text from manuals.pages
      where slug = ${page.slug} and manual_id = any(${siblings.map((m) => m.id)}::uuid[])`
  )
  const has = new Set(having.map((h) => h.manual_id))
  const result: ManualPage = {
    manual: summaries(all, locale).find((m) => m.product === product && m.version === version)!,
    toc,
    slug: page.slug,
    title: titleIn(locale, page),
    html: renderMarkdown(bodyIn(locale, page)),
    versions: siblings
      .sort((a, b) => compareVersions(b.version, a.version))
      .map((m) => ({ version: m.version, hasPage: has.has(m.id) }))
  }
  return result
})

const locales: ReadonlyArray<Locale> = ["zh-CN", "en"]

/** The `Events` topic of "a manual's pages changed": every replica rebuilds its index. */
const PAGES_CHANGED = "manuals.pages"

export class ManualsSearch extends Context.Service<
  ManualsSearch,
  {
    readonly search: (q: {
      q: string
      product?: string
      version?: string
      /** Pages as a reader in this language reads them; both languages (each page once) if absent. */
      locale?: Locale
    }) => Effect.Effect<PageHit[], DbError>
    /** A write that every replica's copy hears of (see core's `RebuiltCopy`). */
    readonly change: RebuiltCopy["change"]
  }
>()("wharf/manuals/ManualsSearch") {}

export const manualsSearchLayer = Layer.effect(
  ManualsSearch,
  Effect.gen(function* () {
    const db = yield* Db
    let index = new SearchIndex()
    const byId = new Map<string, PageHit & { page: string; text: string }>()
    const reload = Effect.gen(function* () {
      const rows = yield* db.query(
        (sql) => sql<(PageRow & { product: string; version: string })[]>`
          select p.id::text, p.slug, p.title, p.title_en, p.body, p.body_en, m.product, m.version
          from manuals.pages p join manuals.manuals m on m.id = p.manual_id`
      )
      const next = new SearchIndex()
      byId.clear()
      // Each page twice, once as each reader reads it: an English reader finds English
      // words in translated pages, and the Chinese of those not translated yet.
      for (const r of rows) {
        for (const locale of locales) {
          const id = `${r.id}|${locale}`
          const title = titleIn(locale, r)
          const text = plainText(bodyIn(locale, r))
          next.put({ id, title, text, product: r.product, version: r.version, locale, tags: [] })
          byId.set(id, {
            page: r.id,
            product: r.product,
            version: r.version,
            slug: r.slug,
            title,
            snippet: [],
            text
          })
        }
      }
      index = next
    })
    const copy = yield* rebuiltCopy(PAGES_CHANGED, reload)
    return ManualsSearch.of({
      change: copy.change,
      search: (q) =>
        // An editor on another replica may have just changed a page: heard before searching.
        copy.read(
          Effect.sync(() => {
            const hits = index.search({ ...q, limit: 40, offset: 0 })
            const seen = new Set<string>()
            return hits.ids
              .flatMap((id) => {
                const hit = byId.get(id)
                if (!hit || seen.has(hit.page)) return []
                seen.add(hit.page)
                const { text, page: _, ...rest } = hit
                return [{ ...rest, snippet: snippet(text, hits.terms, 160) }]
              })
              .slice(0, 20)
          })
        )
    })
  })
)
