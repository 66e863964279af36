/**
 * @module Demo manuals (two products × two versions) and ten release announcements,
 * from demo/manuals.json (made by its generate.ts).
 */
import { readFileSync } from "node:fs"
import { Db } from "@wharf/core"
import { Effect, Schema } from "effect"
import { ManualsSearch } from "./manuals"

interface DemoPage {
  readonly slug: string
  readonly title: string
  readonly titleEn: string
  readonly body: string
  readonly bodyEn: string
  readonly children?: ReadonlyArray<DemoPage>
}
const DemoPage: Schema.Codec<DemoPage> = Schema.Struct({
  slug: Schema.String,
  title: Schema.String,
  titleEn: Schema.String,
  body: Schema.String,
  bodyEn: Schema.String,
  children: Schema.optional(Schema.Array(Schema.suspend((): Schema.Codec<DemoPage> => DemoPage)))
})
/** demo/manuals.json, decoded so a generator slip stops the demo instead of storing nonsense. */
const DemoFile = Schema.Struct({
  manuals: Schema.Array(
    Schema.Struct({
      product: Schema.String,
      version: Schema.String,
      title: Schema.String,
      titleEn: Schema.String,
      publishedAt: Schema.String,
      pages: Schema.Array(DemoPage)
    })
  ),
  releases: Schema.Array(
    Schema.Struct({
      product: Schema.String,
      version: Schema.String,
      date: Schema.String,
      title: Schema.String,
      body: Schema.String,
      titleEn: Schema.String,
      bodyEn: Schema.String
    })
  )
})

export const loadDemoManuals = Effect.gen(function* () {
  const db = yield* Db
  const demo = Schema.decodeUnknownSync(DemoFile)(
    JSON.parse(readFileSync(new URL("../../demo/manuals.json", import.meta.url), "utf8"))
  )
  yield* (yield* ManualsSearch).change(
    Effect.gen(function* () {
      for (const m of demo.manuals) {
        const [manual] = yield* db.query(
          (sql) => sql<{ id: string }[]>`
            insert into manuals.manuals (product, version, title, title_en, published_at)
            values (${m.product}, ${m.version}, ${m.title}, ${m.titleEn}, ${m.publishedAt}) returning id::text`
        )
        let position = 0
        const insert = (
          pages: ReadonlyArray<DemoPage>,
          parent: string | null
        ): Effect.Effect<void, unknown, Db> =>
          Effect.forEach(pages, (p) =>
            Effect.gen(function* () {
              const [row] = yield* db.query(
                (sql) => sql<{ id: string }[]>`
                  insert into manuals.pages (manual_id, parent_id, position, slug, title, title_en, body, body_en)
                  values (${manual!.id}, ${parent}, ${position++}, ${p.slug}, ${p.title}, ${p.titleEn},
                    ${p.body}, ${p.bodyEn})
                  returning id::text`
              )
              if (p.children) yield* insert(p.children, row!.id)
            })
          ).pipe(Effect.asVoid)
        yield* insert(m.pages, null)
      }
      for (const r of demo.releases) {
        yield* db.query(
          (
            sql
          ) => sql`insert into manuals.releases (title, title_en, product, version, released_on, body, body_en)
                       values (${r.title}, ${r.titleEn}, ${r.product}, ${r.version}, ${r.date}, ${r.body}, ${r.bodyEn})`
        )
      }
    })
  )
})
