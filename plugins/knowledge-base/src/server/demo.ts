/**
 * @module Demo content: 300 generated articles (demo/articles.json, made by
 * demo/generate.ts) and the quick links, loaded when the schema is created.
 */
import { readFileSync } from "node:fs"
import { Db, Events } from "@wharf/core"
import { Effect } from "effect"
import { ARTICLE_CHANGED } from "./search"

interface DemoFile {
  articles: Array<{
    title: string
    body: string
    tags: string[]
    product: string
    version: string
    locale: "zh-CN" | "en"
    author: string
    updatedAt: string
    views: number
  }>
  quickLinks: Array<{ label: string; query: string; locale: "zh-CN" | "en" }>
}

const authorNames: Record<string, string> = {
  "wang.fang@example.com": "王芳",
  "chen.jie@example.com": "陈杰"
}

export const loadDemoKnowledgeBase = Effect.gen(function* () {
  const db = yield* Db
  const events = yield* Events
  const demo = JSON.parse(
    readFileSync(new URL("../../demo/articles.json", import.meta.url), "utf8")
  ) as DemoFile
  yield* db.transaction(
    Effect.gen(function* () {
      for (const a of demo.articles) {
        const author = authorNames[a.author] ?? a.author
        const [row] = yield* db.query(
          (sql) => sql<{ id: string }[]>`
            with article as (
              insert into knowledge_base.articles
                (title, body, tags, product, version, locale, status, author_name, views, created_at, updated_at)
              values (${a.title}, ${a.body}, ${a.tags}, ${a.product}, ${a.version}, ${a.locale}, 'published',
                      ${author}, ${a.views}, ${a.updatedAt}, ${a.updatedAt})
              returning id, created_at
            )
            insert into knowledge_base.revisions
              (article_id, number, title, body, tags, product, version, locale, status, author_name, created_at)
            select id, 1, ${a.title}, ${a.body}, ${a.tags}, ${a.product}, ${a.version}, ${a.locale}, 'published',
                   ${author}, created_at from article
            returning article_id::text as id`
        )
        yield* events.publish(ARTICLE_CHANGED, row!.id)
      }
      let position = 0
      for (const l of demo.quickLinks) {
        yield* db.query(
          (sql) => sql`insert into knowledge_base.quick_links (label, query, locale, position)
                       values (${l.label}, ${l.query}, ${l.locale}, ${position++})`
        )
      }
    })
  )
  yield* events.catchUp
})
