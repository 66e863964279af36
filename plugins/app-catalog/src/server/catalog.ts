/**
 * @module The catalog at run time: built once from what the catalog plugins contributed.
 * A definition that does not decode is left out and logged with its field, so one vendor's
 * mistake does not take the other apps down.
 */
import { Extensions, NotFound } from "@wharf/core"
import { Effect, Layer } from "effect"
import { buildCatalog } from "../shared/catalog"
import { appCatalogs } from "../shared/extension-point"
import { AppCatalog } from "../shared/service"
import { type AppDetail, type AppSummary, matchesSearch, summaryOf } from "../shared/summary"

export const appCatalogLayer = Layer.effect(
  AppCatalog,
  Effect.gen(function* () {
    const extensions = yield* Extensions
    const catalog = buildCatalog(extensions.get(appCatalogs))
    for (const problem of catalog.problems) yield* Effect.logWarning(`app catalog: ${problem}`)
    return AppCatalog.of({ catalog, get: (app) => catalog.entries.get(app) })
  })
)

export interface CatalogQuery {
  readonly q?: string | undefined
  readonly tag?: string | undefined
}

export const listApps = (query: CatalogQuery) =>
  Effect.gen(function* () {
    const { catalog } = yield* AppCatalog
    const all = [...catalog.entries.values()].map((e) => summaryOf(e.catalog, e.definition))
    const items = all.filter(
      (s) => (!query.q || matchesSearch(s, query.q)) && (!query.tag || s.tags.includes(query.tag))
    )
    const tags = [...new Set(all.flatMap((s) => s.tags))].sort()
    return { items, tags } satisfies { items: AppSummary[]; tags: string[] }
  })

export const getApp = (name: string) =>
  Effect.gen(function* () {
    const entry = (yield* AppCatalog).get(name)
    if (!entry) return yield* new NotFound({ message: `No app "${name}" in the catalog` })
    return { ...summaryOf(entry.catalog, entry.definition), definition: entry.definition } satisfies AppDetail
  })
