/**
 * @module Articles and their revisions. Editors (agents, admins) write; every save is a
 * new revision, restoring one is a save too, so history is never rewritten. Readers
 * (anyone, signed in or not) get published articles only; a draft is NotFound to them.
 */
import { Conflict, CurrentViewer, Db, Events, hasRole, NotFound, requireRole } from "@wharf/core"
import { renderMarkdown } from "@wharf/core/markdown"
import { diffLines } from "diff"
import { Effect } from "effect"
import { tagKey } from "../shared/tags"
import type { Article, ArticleSummary, DiffLine, Revision } from "../shared/types"
import { ARTICLE_CHANGED } from "./search"

export interface ArticleFields {
  readonly title: string
  readonly body: string
  readonly tags: ReadonlyArray<string>
  readonly product: string
  readonly version: string
  readonly locale: "zh-CN" | "en"
  readonly status: "draft" | "published"
}

interface ArticleRow {
  id: string
  title: string
  body: string
  tags: string[]
  product: string
  version: string
  locale: "zh-CN" | "en"
  status: "draft" | "published"
  author_name: string
  revision: number
  views: number
  created_at: Date
  updated_at: Date
}

export const summaryOf = (
  r: Omit<ArticleRow, "body" | "author_name" | "revision" | "created_at">
): ArticleSummary => ({
  id: r.id,
  title: r.title,
  product: r.product,
  version: r.version,
  locale: r.locale,
  tags: r.tags,
  status: r.status,
  updatedAt: r.updated_at.toISOString(),
  views: r.views
})

/** Typed labels become the vocabulary's keys (常见问题 → faq), each once. */
const tidyTags = (tags: ReadonlyArray<string>) => [...new Set(tags.map(tagKey).filter(Boolean))]

/** Save the current text as revision `number`, and tell every replica. */
const recordRevision = (id: string, number: number, a: ArticleFields, author: { id: string; name: string }) =>
  Effect.gen(function* () {
    const db = yield* Db
    yield* db.query(
      (sql) => sql`
        insert into knowledge_base.revisions
          (article_id, number, title, body, tags, product, version, locale, status, author_id, author_name)
        values (${id}, ${number}, ${a.title}, ${a.body}, ${tidyTags(a.tags)}, ${a.product}, ${a.version},
                ${a.locale}, ${a.status}, ${author.id}, ${author.name})`
    )
    yield* (yield* Events).publish(ARTICLE_CHANGED, id)
  })

/** After a write commits: this replica's index is current before the call returns. */
const settle = Effect.gen(function* () {
  yield* (yield* Events).catchUp
})

export const createArticle = Effect.fn("Articles.create")(function* (input: ArticleFields) {
  const editor = yield* requireRole("admin", "agent")
  const db = yield* Db
  const id = yield* db.transaction(
    Effect.gen(function* () {
      const [row] = yield* db.query(
        (sql) => sql<{ id: string }[]>`
          insert into knowledge_base.articles (title, body, tags, product, version, locale, status, author_id, author_name)
          values (${input.title}, ${input.body}, ${tidyTags(input.tags)}, ${input.product}, ${input.version},
                  ${input.locale}, ${input.status}, ${editor.id}, ${editor.name})
          returning id::text`
      )
      yield* recordRevision(row!.id, 1, input, editor)
      return row!.id
    })
  )
  yield* settle
  return { id, revision: 1 }
})

export const updateArticle = Effect.fn("Articles.update")(function* (
  input: ArticleFields & { readonly id: string; readonly revision: number }
) {
  const editor = yield* requireRole("admin", "agent")
  const db = yield* Db
  const revision = yield* db.transaction(
    Effect.gen(function* () {
      const [current] = yield* db.query(
        (sql) => sql<{ revision: number }[]>`
          select revision from knowledge_base.articles where id = ${input.id} for update`
      )
      if (!current) return yield* new NotFound({ message: "No such article" })
      if (current.revision !== input.revision) {
        return yield* new Conflict({
          message: `Someone saved revision ${current.revision} while you edited revision ${input.revision}; reload to see it`
        })
      }
      const next = current.revision + 1
      yield* db.query(
        (sql) => sql`
          update knowledge_base.articles set title = ${input.title}, body = ${input.body}, tags = ${tidyTags(input.tags)},
            product = ${input.product}, version = ${input.version}, locale = ${input.locale}, status = ${input.status},
            revision = ${next}, updated_at = now()
          where id = ${input.id}`
      )
      yield* recordRevision(input.id, next, input, editor)
      return next
    })
  )
  yield* settle
  return { id: input.id, revision }
})

export const deleteArticle = Effect.fn("Articles.delete")(function* (id: string) {
  yield* requireRole("admin", "agent")
  const db = yield* Db
  yield* db.transaction(
    Effect.gen(function* () {
      const gone = yield* db.query(
        (sql) => sql`delete from knowledge_base.articles where id = ${id} returning id`
      )
      if (gone.length === 0) return yield* new NotFound({ message: "No such article" })
      yield* (yield* Events).publish(ARTICLE_CHANGED, id)
    })
  )
  yield* settle
})

/** One article for reading (drafts only for editors); counts a view for readers. */
export const getArticle = Effect.fn("Articles.get")(function* (id: string) {
  const viewer = yield* CurrentViewer
  const db = yield* Db
  const editor = viewer !== null && hasRole(viewer, "admin", "agent")
  const [row] = yield* db.query(
    (sql) => sql<ArticleRow[]>`
      select id::text, title, body, tags, product, version, locale, status, author_name, revision, views,
             created_at, updated_at
      from knowledge_base.articles where id = ${id} and (${editor}::boolean or status = 'published')`
  )
  if (!row) return yield* new NotFound({ message: "No such article" })
  if (!editor) {
    yield* db.query((sql) => sql`update knowledge_base.articles set views = views + 1 where id = ${id}`)
  }
  const [votes] = yield* db.query(
    (sql) => sql<{ helpful: string; not_helpful: string; mine: boolean | null }[]>`
      select count(*) filter (where helpful)::text as helpful, count(*) filter (where not helpful)::text as not_helpful,
             bool_or(helpful) filter (where user_id = ${viewer?.id ?? null}::uuid) as mine
      from knowledge_base.feedback where article_id = ${id}`
  )
  const article: Article = {
    ...summaryOf(row),
    body: row.body,
    html: renderMarkdown(row.body),
    authorName: row.author_name,
    revision: row.revision,
    createdAt: row.created_at.toISOString(),
    helpful: Number(votes?.helpful ?? 0),
    notHelpful: Number(votes?.not_helpful ?? 0),
    myVote: votes?.mine ?? null
  }
  return article
})

export const listRevisions = Effect.fn("Articles.revisions")(function* (id: string) {
  yield* requireRole("admin", "agent")
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<
      { number: number; title: string; status: Revision["status"]; author_name: string; created_at: Date }[]
    >`
      select number, title, status, author_name, created_at from knowledge_base.revisions
      where article_id = ${id} order by number desc`
  )
  if (rows.length === 0) return yield* new NotFound({ message: "No such article" })
  return rows.map(
    (r): Revision => ({
      number: r.number,
      title: r.title,
      status: r.status,
      authorName: r.author_name,
      createdAt: r.created_at.toISOString()
    })
  )
})

const revisionOf = (id: string, number: number) =>
  Effect.gen(function* () {
    const db = yield* Db
    const [row] = yield* db.query(
      (sql) => sql<(ArticleFields & { number: number })[]>`
        select number, title, body, tags, product, version, locale, status from knowledge_base.revisions
        where article_id = ${id} and number = ${number}`
    )
    if (!row) return yield* new NotFound({ message: `No revision ${number} of this article` })
    return row
  })

/** Line by line, title first, from revision `from` to revision `to`. */
export const diffRevisions = Effect.fn("Articles.diff")(function* (id: string, from: number, to: number) {
  yield* requireRole("admin", "agent")
  const a = yield* revisionOf(id, from)
  const b = yield* revisionOf(id, to)
  const head = (r: ArticleFields) =>
    `# ${r.title}\n[${r.status}] ${r.product} ${r.version} · ${r.locale} · ${r.tags.join(", ")}\n\n`
  const lines: DiffLine[] = []
  for (const part of diffLines(head(a) + a.body, head(b) + b.body)) {
    const kind = part.added ? "added" : part.removed ? "removed" : "same"
    for (const text of part.value.replace(/\n$/, "").split("\n")) lines.push({ kind, text })
  }
  return { from, to, lines }
})

/** Make an old revision current again, as a new revision (history stays intact). */
export const restoreRevision = Effect.fn("Articles.restore")(function* (id: string, number: number) {
  yield* requireRole("admin", "agent")
  const db = yield* Db
  const old = yield* revisionOf(id, number)
  const [current] = yield* db.query(
    (sql) => sql<{ revision: number }[]>`select revision from knowledge_base.articles where id = ${id}`
  )
  if (!current) return yield* new NotFound({ message: "No such article" })
  return yield* updateArticle({ ...old, id, revision: current.revision })
})

export const previewMarkdown = Effect.fn("Articles.preview")(function* (body: string) {
  yield* requireRole("admin", "agent")
  return { html: renderMarkdown(body) }
})
