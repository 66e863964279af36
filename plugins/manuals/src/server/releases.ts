/**
 * @module Release announcements: newest first, created by admins, and an Atom feed
 * (RFC 4287) so customers can follow releases in a feed reader. Every text in the feed
 * is XML-escaped; the body goes in as escaped HTML (`type="html"`), sanitised first.
 */
import { Db, requireRole, WharfConfig } from "@wharf/core"
import { renderMarkdown } from "@wharf/core/markdown"
import { Effect } from "effect"
import type { Release } from "../shared/types"
import type { Locale } from "./manuals"

interface ReleaseRow {
  id: string
  title: string
  title_en: string | null
  body_en: string | null
  product: string
  version: string
  released_on: Date | string
  body: string
  created_at: Date
}

const dateOf = (d: Date | string) => new Date(d).toISOString().slice(0, 10)
/** A release in the reader's language: English readers get its English text when it has one. */
const toRelease = (r: ReleaseRow, locale?: Locale): Release => {
  const en = locale === "en" && r.title_en && r.body_en
  return {
    id: r.id,
    title: en ? r.title_en! : r.title,
    product: r.product,
    version: r.version,
    date: dateOf(r.released_on),
    html: renderMarkdown(en ? r.body_en! : r.body)
  }
}

const rows = (limit: number, offset: number) =>
  Effect.gen(function* () {
    const db = yield* Db
    return yield* db.query(
      (sql) => sql<(ReleaseRow & { total: string })[]>`
        select id::text, title, title_en, product, version, released_on, body, body_en, created_at,
          count(*) over ()::text as total
        from manuals.releases order by released_on desc, created_at desc limit ${limit} offset ${offset}`
    )
  })

export const listReleases = (limit: number, offset: number, locale?: Locale) =>
  Effect.map(rows(limit, offset), (rs) => ({
    items: rs.map((r) => toRelease(r, locale)),
    total: Number(rs[0]?.total ?? 0)
  }))

export const createRelease = Effect.fn("Releases.create")(function* (input: {
  title: string
  product: string
  version: string
  date: string
  body: string
}) {
  yield* requireRole("admin")
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<ReleaseRow[]>`
      insert into manuals.releases (title, product, version, released_on, body)
      values (${input.title}, ${input.product}, ${input.version}, ${input.date}, ${input.body})
      returning id::text, title, title_en, product, version, released_on, body, body_en, created_at`
  )
  return toRelease(row!)
})

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!)

export const atomFeed = Effect.gen(function* () {
  const config = yield* WharfConfig
  const items = yield* rows(50, 0)
  const base = config.publicUrl.replace(/\/$/, "")
  const updated = new Date(Math.max(0, ...items.map((r) => r.created_at.getTime())))
  const entries = items.map(
    (r) => `  <entry>
    <id>urn:uuid:${r.id}</id>
    <title>${escapeXml(r.title)}</title>
    <link href="${escapeXml(`${base}/releases#${r.id}`)}"/>
    <updated>${new Date(`${dateOf(r.released_on)}T00:00:00Z`).toISOString()}</updated>
    <category term="${escapeXml(r.product)}"/>
    <summary>${escapeXml(`${r.product} ${r.version}`)}</summary>
    <content type="html">${escapeXml(renderMarkdown(r.body))}</content>
  </entry>`
  )
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${base}/releases`)}</id>
  <title>Wharf 发布声明</title>
  <link rel="self" href="${escapeXml(`${base}/api/v1/releases/feed.xml`)}"/>
  <link href="${escapeXml(`${base}/releases`)}"/>
  <updated>${(items.length ? updated : new Date(0)).toISOString()}</updated>
  <author><name>Wharf</name></author>
${entries.join("\n")}
</feed>
`
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } })
})
