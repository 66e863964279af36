/**
 * @module Demo catalog of premium services and the FAQ, from demo/support.json.
 */
import { readFileSync } from "node:fs"
import { Db } from "@wharf/core"
import { Effect, Schema } from "effect"
import { Locale, ServiceInput } from "../shared/schemas"
import { FaqIndex } from "./faq"

/** demo/support.json, decoded so a typo in it stops the demo instead of storing nonsense. */
const DemoFile = Schema.Struct({
  services: Schema.Array(ServiceInput),
  faqs: Schema.Array(Schema.Struct({ question: Schema.String, answer: Schema.String, locale: Locale }))
})

export const loadDemoSupport = Effect.gen(function* () {
  const db = yield* Db
  const demo = Schema.decodeUnknownSync(DemoFile)(
    JSON.parse(readFileSync(new URL("../../demo/support.json", import.meta.url), "utf8"))
  )
  yield* (yield* FaqIndex).change(
    Effect.gen(function* () {
      let position = 0
      for (const s of demo.services) {
        yield* db.query(
          (sql) => sql`insert into support.services (name, category, description, price_note, position,
                                                     name_en, category_en, description_en, price_note_en)
                       values (${s.name}, ${s.category}, ${s.description}, ${s.priceNote}, ${position++},
                               ${s.en?.name ?? null}, ${s.en?.category ?? null}, ${s.en?.description ?? null},
                               ${s.en?.priceNote ?? null})`
        )
      }
      position = 0
      for (const f of demo.faqs) {
        yield* db.query(
          (sql) => sql`insert into support.faqs (question, answer, locale, position)
                       values (${f.question}, ${f.answer}, ${f.locale}, ${position++})`
        )
      }
    })
  )
})
