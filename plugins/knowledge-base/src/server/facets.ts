/**
 * @module What readers can narrow a search by: each product with its versions (newest
 * first) and the most used tags, over published articles only.
 */
import { Db } from "@wharf/core"
import { Effect } from "effect"
import type { Facets } from "../shared/types"

const TOP_TAGS = 30

/** "7.0" < "7.0.1" < "10.0": dotted numbers compared as numbers. */
const newerFirst = (a: string, b: string) => {
  const pa = a.split(".").map(Number)
  const pb = b.split(".").map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0)
    if (d !== 0 && !Number.isNaN(d)) return d
  }
  return b.localeCompare(a)
}

export const facets = Effect.fn("Articles.facets")(function* () {
  const db = yield* Db
  const versions = yield* db.query(
    (sql) => sql<{ product: string; version: string }[]>`
      select distinct product, version from knowledge_base.articles where status = 'published'`
  )
  const tags = yield* db.query(
    (sql) => sql<{ tag: string }[]>`
      select tag from knowledge_base.articles, unnest(tags) as tag where status = 'published'
      group by tag order by count(*) desc, tag limit ${TOP_TAGS}`
  )
  const byProduct = new Map<string, string[]>()
  for (const v of versions) byProduct.set(v.product, [...(byProduct.get(v.product) ?? []), v.version])
  const result: Facets = {
    products: [...byProduct.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([product, vs]) => ({ product, versions: vs.sort(newerFirst) })),
    tags: tags.map((t) => t.tag)
  }
  return result
})
