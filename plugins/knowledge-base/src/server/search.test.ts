import { readFileSync } from "node:fs"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { judged } from "./testing/judged"

const demo = JSON.parse(readFileSync(new URL("../../demo/articles.json", import.meta.url), "utf8"))
  .articles as Array<{ key: string; title: string; locale: string }>
const keyOf = new Map(demo.map((a) => [`${a.locale}|${a.title}`, a.key]))

const agent = (w: TestWharf) => {
  const c = w.client()
  return c.signIn("wang.fang@example.com", "wharf-demo-1").then(() => c)
}

const article = (title: string, body: string, extra: Record<string, unknown> = {}) => ({
  title,
  body,
  tags: ["replica"],
  product: "TDH",
  version: "7.0",
  locale: "en" as const,
  status: "published" as const,
  ...extra
})

const search = async (c: TestClient, params: Record<string, string | number>) => {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
  return c.rest("GET", `/kb/search?${qs}`)
}

/** Poll until `check` holds (another replica learns of a change within moments). */
const eventually = async (check: () => Promise<boolean>, ms = 3000) => {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return check()
}

describe.each(testBackends())("knowledge-base search on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "knowledge-base"], demo: true })
  })
  afterAll(() => wharf?.stop())

  it("loads 300 demo articles, half Chinese and half English, with unique titles per language", async () => {
    expect(demo).toHaveLength(300)
    expect(keyOf.size).toBe(300)
    const [row] = await wharf.database.pool<{ zh: string; en: string }[]>`
      select count(*) filter (where locale = 'zh-CN')::text as zh, count(*) filter (where locale = 'en')::text as en
      from knowledge_base.articles where status = 'published'`
    expect(row).toEqual({ zh: "150", en: "150" })
  })

  it(`finds the judged articles in the first five results (recall@5 over ${judged.length} queries)`, async () => {
    expect(judged.length).toBeGreaterThanOrEqual(40)
    const c = wharf.client()
    let found = 0
    let wanted = 0
    const misses: string[] = []
    for (const j of judged) {
      const { q, must, ...filters } = j
      const r = await search(c, { q, limit: 5, ...filters })
      expect(r.status).toBe(200)
      const keys = r.body.items.map((i: { locale: string; title: string }) =>
        keyOf.get(`${i.locale}|${i.title}`)
      )
      for (const k of must) {
        wanted++
        if (keys.includes(k)) found++
        else misses.push(`${q} → ${k}`)
      }
    }
    const recall = found / wanted
    console.log(`recall@5 = ${recall.toFixed(3)} (${found}/${wanted}) over ${judged.length} queries`, misses)
    expect(recall).toBeGreaterThanOrEqual(0.9)
  })

  it("answers a phrase with a total, ranked results and highlighted matches", async () => {
    const r = await search(wharf.client(), { q: "Cannot get a connection", limit: 3 })
    expect(r.body.total).toBeGreaterThan(3)
    expect(r.body.items).toHaveLength(3)
    const [top] = r.body.items
    expect(top.title).toBe('Inceptor client fails with "Cannot get a connection"')
    const marked = top.titleSegments.filter(([, hit]: [string, boolean]) => hit).map(([t]: [string]) => t)
    expect(marked).toEqual(["Cannot", "get", "connection"])
    expect(top.snippet.some(([, hit]: [string, boolean]) => hit)).toBe(true)
  })

  it("finds Chinese without spaces and marks the matched characters", async () => {
    const r = await search(wharf.client(), { q: "无法获取连接", limit: 5 })
    expect(r.body.items[0].title).toBe("Inceptor 连接失败：无法获取连接")
    const marked = r.body.items[0].titleSegments
      .filter(([, hit]: [string, boolean]) => hit)
      .map(([t]: [string]) => t)
    expect(marked).toContain("无法获取连接")
  })

  it("pages through results: pages do not overlap and the total stays the same", async () => {
    const c = wharf.client()
    const first = await search(c, { q: "quota", limit: 10, offset: 0 })
    const second = await search(c, { q: "quota", limit: 10, offset: 10 })
    expect(first.body.total).toBe(second.body.total)
    const ids = new Set(first.body.items.map((i: { id: string }) => i.id))
    for (const i of second.body.items) expect(ids.has(i.id)).toBe(false)
  })

  it("rejects bad search input with a 400 naming the field", async () => {
    const c = wharf.client()
    const empty = await search(c, { q: "" })
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toMatch(/^q: /)
    const limit = await search(c, { q: "hdfs", limit: "many" })
    expect(limit.status).toBe(400)
    expect(limit.body.error.message).toMatch(/limit/)
    const locale = await search(c, { q: "hdfs", locale: "fr" })
    expect(locale.status).toBe(400)
  })

  it("an edit is searchable at once, and on a second server on the same database", async () => {
    const second = await startTestWharf({
      backend,
      plugins: ["identity", "knowledge-base"],
      databaseUrl: wharf.databaseUrl
    })
    try {
      const editor = await agent(wharf)
      const reader = second.client()
      const created = await editor.trpc["knowledge-base"].editor.create.mutate(
        article("Quasar gateway handshake", "The quasar gateway rejects the handshake.")
      )
      expect(created.ok).toBe(true)
      const { id, revision } = (created as { data: { id: string; revision: number } }).data
      // This replica: immediately, no waiting.
      expect((await search(editor, { q: "quasar handshake" })).body.total).toBe(1)
      expect(
        await eventually(async () => (await search(reader, { q: "quasar handshake" })).body.total === 1)
      ).toBe(true)

      const edited = await editor.trpc["knowledge-base"].editor.update.mutate({
        id,
        revision,
        ...article("Nebula gateway handshake", "The nebula gateway rejects the handshake.")
      })
      expect(edited.ok).toBe(true)
      expect((await search(editor, { q: "quasar" })).body.total).toBe(0)
      expect((await search(editor, { q: "nebula" })).body.total).toBe(1)
      expect(await eventually(async () => (await search(reader, { q: "nebula" })).body.total === 1)).toBe(
        true
      )
      expect((await search(reader, { q: "quasar" })).body.total).toBe(0)

      expect((await editor.trpc["knowledge-base"].editor.delete.mutate({ id })).ok).toBe(true)
      expect((await search(editor, { q: "nebula" })).body.total).toBe(0)
      expect(await eventually(async () => (await search(reader, { q: "nebula" })).body.total === 0)).toBe(
        true
      )
    } finally {
      await second.stop()
    }
  })
  it("a server starting on a large knowledge base indexes every published article, drafts not", async () => {
    await wharf.database.pool`
      insert into knowledge_base.articles (title, body, tags, product, version, locale, status, author_name)
      select 'Zephyr relay ' || n, 'The zephyr relay drops frames on port ' || n || '.', '{zephyr}', 'TDH', '7.0', 'en',
             case when n % 10 = 0 then 'draft' else 'published' end, 'Bench'
      from generate_series(1, 4500) as n`
    const fresh = await startTestWharf({
      backend,
      plugins: ["identity", "knowledge-base"],
      databaseUrl: wharf.databaseUrl
    })
    try {
      const r = await search(fresh.client(), { q: "zephyr relay", limit: 5, offset: 4045 })
      expect(r.body.total).toBe(4050)
      expect(r.body.items).toHaveLength(5)
      // Article 4500 is a draft.
      expect((await search(fresh.client(), { q: "4500", tag: "zephyr" })).body.total).toBe(0)
      expect((await search(fresh.client(), { q: "4499", tag: "zephyr" })).body.total).toBe(1)
    } finally {
      await fresh.stop()
      await wharf.database.pool`delete from knowledge_base.articles where author_name = 'Bench'`
    }
  })
})
