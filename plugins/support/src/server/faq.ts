/**
 * @module FAQ: admin-managed questions and answers, searchable with the knowledge base's
 * index code (Chinese bigrams, prefixes, typos). The FAQ is small, so the index is
 * rebuilt from the table after each change, on every replica (core's Events), and read
 * through at start-up.
 */
import { Db, type DbError, NotFound, type RebuiltCopy, rebuiltCopy, requireRole } from "@wharf/core"
import { renderMarkdown } from "@wharf/core/markdown"
import { highlight, SearchIndex } from "@wharf/core/search"
import { Context, Effect, Layer } from "effect"
import type { Faq } from "../shared/types"

interface FaqRow {
  id: string
  question: string
  answer: string
  locale: "zh-CN" | "en"
}

/** The `Events` topic of "the FAQ changed": every replica rebuilds its index. */
const FAQ_CHANGED = "support.faq"

export class FaqIndex extends Context.Service<
  FaqIndex,
  {
    readonly list: (q: {
      q?: string | undefined
      locale?: string | undefined
    }) => Effect.Effect<Faq[], DbError>
    /** A write that every replica's copy hears of (see core's `RebuiltCopy`). */
    readonly change: RebuiltCopy["change"]
  }
>()("wharf/support/FaqIndex") {}

export const faqIndexLayer = Layer.effect(
  FaqIndex,
  Effect.gen(function* () {
    const db = yield* Db
    let rows: FaqRow[] = []
    let index = new SearchIndex()
    const reload = Effect.gen(function* () {
      rows = yield* db.query(
        (sql) =>
          sql<
            FaqRow[]
          >`select id::text, question, answer, locale from support.faqs order by position, question`
      )
      const next = new SearchIndex()
      for (const r of rows) {
        next.put({
          id: r.id,
          title: r.question,
          text: r.answer,
          product: "",
          version: "",
          locale: r.locale,
          tags: []
        })
      }
      index = next
    })
    const copy = yield* rebuiltCopy(FAQ_CHANGED, reload)
    return FaqIndex.of({
      change: copy.change,
      list: (q) =>
        // Another replica's admin may have just changed the FAQ: heard before reading.
        copy.read(
          Effect.sync(() => {
            const query = q.q?.trim()
            const hits = query ? index.search({ q: query, locale: q.locale, limit: 50, offset: 0 }) : null
            const picked = hits
              ? hits.ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean)
              : rows.filter((r) => !q.locale || r.locale === q.locale)
            const terms = hits?.terms ?? new Set<string>()
            return picked.map((r) => ({
              ...r,
              html: renderMarkdown(r.answer),
              questionSegments: highlight(r.question, terms)
            }))
          })
        )
    })
  })
)

type Fields = { question: string; answer: string; locale: "zh-CN" | "en" }

/** A write to the FAQ, told to every replica's index in its transaction. */
const reloaded = <A, E, R>(write: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    return yield* (yield* FaqIndex).change(write)
  })

export const createFaq = (f: Fields) =>
  reloaded(
    Effect.gen(function* () {
      yield* requireRole("admin")
      const db = yield* Db
      const [row] = yield* db.query(
        (sql) => sql<{ id: string }[]>`
          insert into support.faqs (question, answer, locale, position)
          values (${f.question}, ${f.answer}, ${f.locale}, (select coalesce(max(position), 0) + 1 from support.faqs))
          returning id::text`
      )
      return { id: row!.id }
    })
  )

export const updateFaq = (f: Fields & { id: string }) =>
  reloaded(
    Effect.gen(function* () {
      yield* requireRole("admin")
      const db = yield* Db
      const rows = yield* db.query(
        (
          sql
        ) => sql`update support.faqs set question = ${f.question}, answer = ${f.answer}, locale = ${f.locale}
                     where id = ${f.id} returning id`
      )
      if (rows.length === 0) return yield* new NotFound({ message: "No such question" })
      return { id: f.id }
    })
  )

export const deleteFaq = (id: string) =>
  reloaded(
    Effect.gen(function* () {
      yield* requireRole("admin")
      const db = yield* Db
      const rows = yield* db.query((sql) => sql`delete from support.faqs where id = ${id} returning id`)
      if (rows.length === 0) return yield* new NotFound({ message: "No such question" })
      return { ok: true as const }
    })
  )
