/**
 * @module Editors (agents, admins) write manuals: a new version (empty, or a copy of an
 * earlier version's pages to revise), pages saved by slug (new ones go last under their
 * parent), and pages deleted with their sub-pages. Every write tells search in its own
 * transaction: this replica's at once, the others' within Events' bound.
 */
import { Conflict, Db, Invalid, NotFound, requireRole } from "@wharf/core"
import { Effect } from "effect"
import { ManualsSearch } from "./manuals"

const editor = requireRole("admin", "agent")

const manualId = (product: string, version: string) =>
  Effect.gen(function* () {
    const db = yield* Db
    const [row] = yield* db.query(
      (sql) => sql<{ id: string }[]>`
        select id::text from manuals.manuals where product = ${product} and version = ${version}`
    )
    if (!row) return yield* new NotFound({ message: `No ${product} ${version} manual` })
    return row.id
  })

/** A write to manuals, told to every replica's search in its transaction. */
const indexed = <A, E, R>(write: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    return yield* (yield* ManualsSearch).change(write)
  })

export const createManual = Effect.fn("Manuals.create")(function* (input: {
  readonly product: string
  readonly version: string
  readonly title: string
  readonly publishedAt: string
  /** Copy this version's pages (same product) as the new version's first draft. */
  readonly copyFrom?: string | undefined
}) {
  yield* editor
  const db = yield* Db
  const source = input.copyFrom ? yield* manualId(input.product, input.copyFrom) : null
  yield* indexed(
    Effect.gen(function* () {
      const [created] = yield* db.query(
        (sql) => sql<{ id: string }[]>`
          insert into manuals.manuals (product, version, title, published_at)
          values (${input.product}, ${input.version}, ${input.title}, ${input.publishedAt})
          on conflict (product, version) do nothing returning id::text`
      )
      if (!created) {
        return yield* new Conflict({ message: `The ${input.product} ${input.version} manual already exists` })
      }
      if (source) {
        // One statement: each old page gets a new id, parents follow (FKs are checked at its end).
        yield* db.query(
          (sql) => sql`
            with old as (
              select id, parent_id, position, slug, title, title_en, body, body_en
              from manuals.pages where manual_id = ${source}
            ), fresh as (
              select id as old_id, gen_random_uuid() as new_id from old
            )
            insert into manuals.pages (id, manual_id, parent_id, position, slug, title, title_en, body, body_en)
            select f.new_id, ${created.id}, p.new_id, o.position, o.slug, o.title, o.title_en, o.body, o.body_en
            from old o join fresh f on f.old_id = o.id left join fresh p on p.old_id = o.parent_id`
        )
      } else {
        yield* db.query(
          (sql) => sql`
            insert into manuals.pages (manual_id, parent_id, position, slug, title, body)
            values (${created.id}, null, 0, 'index', ${input.title}, ${`# ${input.title}\n`})`
        )
      }
    })
  )
  return { product: input.product, version: input.version }
})

export const savePage = Effect.fn("Manuals.savePage")(function* (input: {
  readonly product: string
  readonly version: string
  /** The page's slug now; absent for a new page. */
  readonly slug?: string | undefined
  readonly newSlug: string
  readonly title: string
  readonly body: string
  /** The English title and Markdown: null clears one, absent keeps what is stored. */
  readonly titleEn?: string | null | undefined
  readonly bodyEn?: string | null | undefined
  /** The parent page's slug; absent or null for a top-level page. */
  readonly parent?: string | null | undefined
}) {
  yield* editor
  const db = yield* Db
  const manual = yield* manualId(input.product, input.version)
  const pages = yield* db.query(
    (sql) => sql<{ id: string; slug: string; parent_id: string | null }[]>`
      select id::text, slug, parent_id::text from manuals.pages where manual_id = ${manual}`
  )
  const current = input.slug ? pages.find((p) => p.slug === input.slug) : undefined
  if (input.slug && !current)
    return yield* new NotFound({ message: `No page "${input.slug}" in this manual` })
  const taken = pages.find((p) => p.slug === input.newSlug)
  if (taken && taken.id !== current?.id) {
    return yield* new Invalid({ message: `newSlug: "${input.newSlug}" is already a page of this manual` })
  }
  const parent = input.parent ? pages.find((p) => p.slug === input.parent) : undefined
  if (input.parent && !parent) return yield* new Invalid({ message: `parent: no page "${input.parent}"` })
  // A page cannot move under itself or one of its own sub-pages.
  for (let at = parent; at; at = pages.find((p) => p.id === at!.parent_id)) {
    if (current && at.id === current.id) {
      return yield* new Invalid({ message: "parent: a page cannot be placed under itself or its sub-pages" })
    }
  }
  const parentId = parent?.id ?? null
  yield* indexed(
    current
      ? db.query(
          (sql) => sql`
        update manuals.pages set slug = ${input.newSlug}, title = ${input.title}, body = ${input.body},
          title_en = case when ${input.titleEn !== undefined}::boolean then ${input.titleEn ?? null} else title_en end,
          body_en = case when ${input.bodyEn !== undefined}::boolean then ${input.bodyEn ?? null} else body_en end,
          parent_id = ${parentId},
          position = case when parent_id is not distinct from ${parentId}::uuid then position
            else (select coalesce(max(position), -1) + 1 from manuals.pages
                  where manual_id = ${manual} and parent_id is not distinct from ${parentId}::uuid) end
        where id = ${current.id}`
        )
      : db.query(
          (sql) => sql`
        insert into manuals.pages (manual_id, parent_id, position, slug, title, title_en, body, body_en)
        values (${manual}, ${parentId},
          (select coalesce(max(position), -1) + 1 from manuals.pages
           where manual_id = ${manual} and parent_id is not distinct from ${parentId}::uuid),
          ${input.newSlug}, ${input.title}, ${input.titleEn ?? null}, ${input.body}, ${input.bodyEn ?? null})`
        )
  )
  return { product: input.product, version: input.version, slug: input.newSlug }
})

/** REST's PUT: the page at `slug`, replaced if it exists, else created. */
export const putPage = (
  product: string,
  version: string,
  slug: string,
  page: {
    readonly title: string
    readonly body: string
    readonly titleEn?: string | null | undefined
    readonly bodyEn?: string | null | undefined
    readonly parent?: string | null | undefined
  }
) =>
  Effect.gen(function* () {
    yield* editor
    // The path is not decoded by a schema: check the slug as the body's fields are.
    if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(slug)) {
      return yield* new Invalid({
        message: "slug: must be lowercase letters, digits and dashes (at most 80), e.g. install-app"
      })
    }
    const db = yield* Db
    const manual = yield* manualId(product, version)
    const found = yield* db.query(
      (sql) => sql`select 1 from manuals.pages where manual_id = ${manual} and slug = ${slug}`
    )
    return yield* savePage({
      product,
      version,
      slug: found.length > 0 ? slug : undefined,
      newSlug: slug,
      ...page
    })
  })

export const deletePage = Effect.fn("Manuals.deletePage")(function* (input: {
  readonly product: string
  readonly version: string
  readonly slug: string
}) {
  yield* editor
  const db = yield* Db
  const manual = yield* manualId(input.product, input.version)
  const [page] = yield* db.query(
    (sql) => sql<{ id: string; parent_id: string | null }[]>`
      select id::text, parent_id::text from manuals.pages where manual_id = ${manual} and slug = ${input.slug}`
  )
  if (!page) return yield* new NotFound({ message: `No page "${input.slug}" in this manual` })
  const [roots] = yield* db.query(
    (sql) => sql<{ n: number }[]>`
      select count(*)::int as n from manuals.pages where manual_id = ${manual} and parent_id is null`
  )
  if (page.parent_id === null && (roots?.n ?? 0) <= 1) {
    return yield* new Invalid({
      message: "A manual keeps at least one top-level page; edit this one instead"
    })
  }
  yield* indexed(db.query((sql) => sql`delete from manuals.pages where id = ${page.id}`))
  return { ok: true as const }
})

/** A page's Markdown (both languages) and parent, for the editor's form. */
export const pageSource = Effect.fn("Manuals.pageSource")(function* (input: {
  readonly product: string
  readonly version: string
  readonly slug: string
}) {
  yield* editor
  const db = yield* Db
  const manual = yield* manualId(input.product, input.version)
  const [page] = yield* db.query(
    (sql) => sql<
      {
        slug: string
        title: string
        titleEn: string | null
        body: string
        bodyEn: string | null
        parent: string | null
      }[]
    >`
      select p.slug, p.title, p.title_en as "titleEn", p.body, p.body_en as "bodyEn", parent.slug as parent
      from manuals.pages p
      left join manuals.pages parent on parent.id = p.parent_id
      where p.manual_id = ${manual} and p.slug = ${input.slug}`
  )
  if (!page) return yield* new NotFound({ message: `No page "${input.slug}" in this manual` })
  return page
})
