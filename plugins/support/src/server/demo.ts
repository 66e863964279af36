/**
 * @module Demo catalog of premium services and the FAQ, from demo/support.json.
 */
import { readFileSync } from "node:fs"
import { Db } from "@wharf/core"
import { Effect } from "effect"
import { FaqIndex } from "./faq"

interface DemoFile {
  services: Array<{ name: string; category: string; description: string; priceNote: string }>
  faqs: Array<{ question: string; answer: string; locale: "zh-CN" | "en" }>
}

export const loadDemoSupport = Effect.gen(function* () {
  const db = yield* Db
  const demo = JSON.parse(
    readFileSync(new URL("../../demo/support.json", import.meta.url), "utf8")
  ) as DemoFile
  yield* db.transaction(
    Effect.gen(function* () {
      let position = 0
      for (const s of demo.services) {
        yield* db.query(
          (sql) => sql`insert into support.services (name, category, description, price_note, position)
                       values (${s.name}, ${s.category}, ${s.description}, ${s.priceNote}, ${position++})`
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
  yield* (yield* FaqIndex).reload
})
