/**
 * @module Demo manuals (two products × two versions) and ten release announcements,
 * from demo/manuals.json (made by its generate.ts).
 */
import { readFileSync } from "node:fs"
import { Db } from "@wharf/core"
import { Effect } from "effect"
import { ManualsSearch } from "./manuals"

interface DemoPage {
  slug: string
  title: string
  body: string
  children?: DemoPage[]
}
interface DemoFile {
  manuals: Array<{ product: string; version: string; title: string; publishedAt: string; pages: DemoPage[] }>
  releases: Array<{ product: string; version: string; date: string; title: string; body: string }>
}

export const loadDemoManuals = Effect.gen(function* () {
  const db = yield* Db
  const demo = JSON.parse(
    readFileSync(new URL("../../demo/manuals.json", import.meta.url), "utf8")
  ) as DemoFile
  yield* db.transaction(
    Effect.gen(function* () {
      for (const m of demo.manuals) {
        const [manual] = yield* db.query(
          (sql) => sql<{ id: string }[]>`
            insert into manuals.manuals (product, version, title, published_at)
            values (${m.product}, ${m.version}, ${m.title}, ${m.publishedAt}) returning id::text`
        )
        let position = 0
        const insert = (pages: DemoPage[], parent: string | null): Effect.Effect<void, unknown, Db> =>
          Effect.forEach(pages, (p) =>
            Effect.gen(function* () {
              const [row] = yield* db.query(
                (sql) => sql<{ id: string }[]>`
                  insert into manuals.pages (manual_id, parent_id, position, slug, title, body)
                  values (${manual!.id}, ${parent}, ${position++}, ${p.slug}, ${p.title}, ${p.body}) returning id::text`
              )
              if (p.children) yield* insert(p.children, row!.id)
            })
          ).pipe(Effect.asVoid)
        yield* insert(m.pages, null)
      }
      for (const r of demo.releases) {
        yield* db.query(
          (sql) => sql`insert into manuals.releases (title, product, version, released_on, body)
                       values (${r.title}, ${r.product}, ${r.version}, ${r.date}, ${r.body})`
        )
      }
    })
  )
  yield* (yield* ManualsSearch).reload
})
