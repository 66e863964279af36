import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { compareVersions } from "./manuals"

/** The TOS manual's operations chapter, in order. */
const OPERATE = ["install-app", "publish-app", "monitoring", "backup", "upgrade"]

describe("version order", () => {
  it("compares dotted numbers, not strings", () => {
    expect(["7.1", "10.0", "7.0.1", "7.0", "6.2"].sort(compareVersions)).toEqual([
      "6.2",
      "7.0",
      "7.0.1",
      "7.1",
      "10.0"
    ])
  })
})

describe.each(testBackends())("manuals and releases on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "knowledge-base", "manuals"], demo: true })
  })
  afterAll(() => wharf?.stop())

  it("lists two products with two versions each, the newest of each marked latest", async () => {
    const r = await wharf.client().rest("GET", "/manuals")
    expect(
      r.body.items.map((m: { product: string; version: string; latest: boolean }) => [
        m.product,
        m.version,
        m.latest
      ])
    ).toEqual([
      ["TDH", "7.0", true],
      ["TDH", "6.2", false],
      ["TOS", "2.0", true],
      ["TOS", "1.9", false]
    ])
  })

  it("serves a page with the manual's ordered tree and a version switcher", async () => {
    const r = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TOS", version: "2.0", slug: "install-app" })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.title).toBe("安装应用")
    expect(r.data.toc.map((n: { slug: string }) => n.slug)).toEqual([
      "overview",
      "install",
      "configure",
      "operate",
      "troubleshoot"
    ])
    // Every chapter has several pages.
    for (const chapter of r.data.toc.slice(1)) expect(chapter.children.length).toBeGreaterThanOrEqual(3)
    expect(r.data.toc[3]!.children.map((n: { slug: string }) => n.slug)).toEqual(OPERATE)
    expect(r.data.versions).toEqual([
      { version: "2.0", hasPage: true },
      { version: "1.9", hasPage: true }
    ])
    expect(r.data.html).toContain("TOS 2.0 起安装向导支持保存为模板")
    const missing = await wharf.client().trpc.manuals.page.query({ product: "TOS", version: "9.9" })
    expect(!missing.ok && missing.error.httpStatus).toBe(404)
  })

  it("searches manual pages in Chinese, narrowed to a version", async () => {
    const r = await wharf
      .client()
      .trpc.manuals.search.query({ q: "用户配额", product: "TOS", version: "1.9" })
    expect(r.ok && r.data.map((h: { slug: string; version: string }) => [h.slug, h.version])[0]).toEqual([
      "quota",
      "1.9"
    ])
  })

  it("lists ten releases newest first", async () => {
    const r = await wharf.client().rest("GET", "/releases")
    expect(r.body.total).toBe(10)
    const dates = r.body.items.map((x: { date: string }) => x.date)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(r.body.items[0].title).toBe("TOS 2.1 正式发布")
  })

  it("reads in English where translated: manual titles, the table of contents, release notes", async () => {
    const manuals = (await wharf.client().rest("GET", "/manuals?locale=en")).body.items
    expect(manuals.map((m: { title: string }) => m.title)).toContain("TOS 2.0 user manual")
    const page = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TOS", version: "2.0", locale: "en" })
    if (!page.ok) throw new Error("no page")
    expect(page.data.toc.map((p: { title: string }) => p.title)).toEqual([
      "TOS overview",
      "Installation",
      "Configuration",
      "Operations",
      "Troubleshooting"
    ])
    const releases = (await wharf.client().rest("GET", "/releases?locale=en")).body.items
    expect(releases[0].title).toBe("TOS 2.1 released")
    expect(releases[0].html).toContain("What changed")
    // Chinese readers, and callers who do not say, read the Chinese.
    const zh = await wharf.client().trpc.manuals.page.query({ product: "TOS", version: "2.0" })
    expect(zh.ok && zh.data.toc[0]!.title).toBe("TOS 概述")
  })

  it("reads a page's text in the reader's language, and finds English words in English pages", async () => {
    const read = (locale?: "en" | "zh-CN") =>
      wharf.client().trpc.manuals.page.query({
        product: "TOS",
        version: "1.9",
        slug: "quota",
        ...(locale ? { locale } : {})
      })
    const en = await read("en")
    if (!en.ok) throw new Error("no page")
    expect(en.data.title).toBe("Creating user quotas")
    expect(en.data.html).toContain(
      "When usage reaches 80% of the quota, the tenant's administrator is alerted."
    )
    expect(en.data.html).not.toMatch(/[\u4e00-\u9fff]/)
    for (const zh of [await read("zh-CN"), await read()]) {
      expect(zh.ok && zh.data.html).toContain("用量达到配额的 80% 时，租户管理员会收到告警。")
    }
    // A command is the same in both languages.
    const tdh = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TDH", version: "7.0", slug: "scale-out", locale: "en" })
    expect(tdh.ok && tdh.data.html).toContain("hdfs balancer -threshold 10")

    const search = (q: string, locale?: "en" | "zh-CN") =>
      wharf
        .client()
        .trpc.manuals.search.query({ q, product: "TOS", version: "1.9", ...(locale ? { locale } : {}) })
    const english = await search("quotas", "en")
    expect(english.ok && english.data[0]).toMatchObject({ slug: "quota", title: "Creating user quotas" })
    const snippet = english.ok ? english.data[0]!.snippet.map(([text]) => text).join("") : ""
    expect(snippet).toContain("quota")
    expect(snippet).not.toMatch(/[\u4e00-\u9fff]/)
    // Chinese readers search the Chinese; a caller who does not say gets each page once.
    const chinese = await search("用户配额", "zh-CN")
    expect(chinese.ok && chinese.data[0]).toMatchObject({ slug: "quota", title: "创建用户配额" })
    const either = await search("quota")
    const slugs = either.ok ? either.data.map((h: { slug: string }) => h.slug) : []
    expect(slugs).toContain("quota")
    expect(new Set(slugs).size).toBe(slugs.length)
  })

  it("an editor writes a page in both languages; English readers see the Chinese where the English is left empty", async () => {
    const agent = wharf.client()
    await agent.signIn("wang.fang@example.com", "wharf-demo-1")
    const put = await agent.rest("PUT", "/manuals/TDH/6.2/pages/hue", {
      title: "Hue 查询界面",
      body: "用 Hue 浏览 HDFS 文件。",
      titleEn: "The Hue query UI",
      bodyEn: "Browse HDFS files with Hue.",
      parent: "operate"
    })
    expect(put.status).toBe(200)
    const read = (locale: "en" | "zh-CN") =>
      wharf.client().trpc.manuals.page.query({ product: "TDH", version: "6.2", slug: "hue", locale })
    const en = await read("en")
    expect(en.ok && [en.data.title, en.data.html]).toEqual([
      "The Hue query UI",
      "<p>Browse HDFS files with Hue.</p>\n"
    ])
    const zh = await read("zh-CN")
    expect(zh.ok && zh.data.title).toBe("Hue 查询界面")
    const hits = await wharf.client().trpc.manuals.search.query({ q: "browse", product: "TDH", locale: "en" })
    expect(hits.ok && hits.data.map((h: { slug: string }) => h.slug)).toContain("hue")

    const source = await agent.trpc.manuals.editor.source.query({
      product: "TDH",
      version: "6.2",
      slug: "hue"
    })
    expect(source.ok && [source.data.titleEn, source.data.bodyEn]).toEqual([
      "The Hue query UI",
      "Browse HDFS files with Hue."
    ])
    // Saving the Chinese alone keeps the English; clearing the English text falls back to the Chinese.
    const saved = await agent.trpc.manuals.editor.save.mutate({
      product: "TDH",
      version: "6.2",
      slug: "hue",
      newSlug: "hue",
      title: "Hue 查询界面",
      body: "用 Hue 浏览 HDFS 文件与 Inceptor 表。",
      parent: "operate"
    })
    expect(saved.ok).toBe(true)
    expect(((await read("en")) as { data: { html: string } }).data.html).toContain(
      "Browse HDFS files with Hue."
    )
    await agent.trpc.manuals.editor.save.mutate({
      product: "TDH",
      version: "6.2",
      slug: "hue",
      newSlug: "hue",
      title: "Hue 查询界面",
      body: "用 Hue 浏览 HDFS 文件与 Inceptor 表。",
      bodyEn: null,
      parent: "operate"
    })
    const fallback = await read("en")
    expect(fallback.ok && [fallback.data.title, fallback.data.html]).toEqual([
      "The Hue query UI",
      "<p>用 Hue 浏览 HDFS 文件与 Inceptor 表。</p>\n"
    ])
    expect(
      (await agent.trpc.manuals.editor.delete.mutate({ product: "TDH", version: "6.2", slug: "hue" })).ok
    ).toBe(true)
  })

  it("publishes a valid, escaped Atom feed", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const created = await admin.rest("POST", "/releases", {
      title: 'TDH 7.2 <script>alert("x")</script> & more',
      product: "TDH",
      version: "7.2",
      date: "2026-12-01",
      body: "<img src=x onerror=alert(1)> **粗体**"
    })
    expect(created.status).toBe(201)
    const res = await wharf.app.request("/api/v1/releases/feed.xml")
    expect(res.headers.get("content-type")).toContain("application/atom+xml")
    const xml = await res.text()
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')
    ).toBe(true)
    expect(xml).toContain(
      "<title>TDH 7.2 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</title>"
    )
    // The body is HTML (where "<Beta>" is already &lt;Beta&gt;), escaped once more as XML text.
    expect(xml).toContain("新增应用目录 &amp;lt;Beta&amp;gt; 功能 &amp;amp; 组命名空间共享配额")
    expect(xml).not.toMatch(/<script|<img/)
    // Well-formed: every entry closes, ids are unique, no bare ampersand.
    expect(xml.match(/<entry>/g)).toHaveLength(11)
    expect(xml.match(/<\/entry>/g)).toHaveLength(11)
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/)
    const ids = xml.match(/<id>urn:uuid:[^<]+<\/id>/g) ?? []
    expect(new Set(ids).size).toBe(11)
  })

  it("refuses a release from a non-admin, and names the bad field", async () => {
    const agent = wharf.client()
    await agent.signIn("wang.fang@example.com", "wharf-demo-1")
    const r = await agent.rest("POST", "/releases", {
      title: "x",
      product: "TDH",
      version: "1",
      date: "2026-01-01",
      body: "b"
    })
    expect(r.status).toBe(403)
    const before = (await wharf.client().rest("GET", "/releases")).body.total
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    const release = { title: "x", product: "TDH", version: "1", date: "2026-01-01", body: "b" }
    expect((await user.rest("POST", "/releases", release)).status).toBe(403)
    const overTrpc = await user.trpc.manuals.releases.create.mutate(release)
    expect(!overTrpc.ok && overTrpc.error.httpStatus).toBe(403)
    expect((await wharf.client().rest("POST", "/releases", release)).status).toBe(401)
    expect((await wharf.client().rest("GET", "/releases")).body.total).toBe(before)
    const admin = wharf.client()
    await admin.signIn()
    const bad = await admin.rest("POST", "/releases", {
      title: "x",
      product: "TDH",
      version: "1",
      date: "soon",
      body: "b"
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain("date: must be a real date written YYYY-MM-DD")
    // A day that does not exist is refused too, not stored as the day PostgreSQL shifts it to.
    const shifted = await admin.rest("POST", "/releases", { ...release, date: "2026-02-30" })
    expect(shifted.status).toBe(400)
    expect(shifted.body.error.message).toContain("date: must be a real date")
    // With a reason code, so the console says it in the reader's language (REST and tRPC).
    const reason = { path: "date", reason: "core.notARealDate" }
    expect(shifted.body.error.issues).toEqual([expect.objectContaining(reason)])
    const overTrpcBad = await admin.request("POST", "/trpc/manuals.releases.create", {
      ...release,
      date: "2026-13-45"
    })
    expect(overTrpcBad.status).toBe(400)
    expect((await overTrpcBad.json()).error.data.issues).toEqual([expect.objectContaining(reason)])
  })

  it("lets no plain user start a manual or write or delete a page, over tRPC or REST", async () => {
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    const manual = { product: "TOS", version: "3.0", title: "TOS 3.0 用户手册", publishedAt: "2026-12-01" }
    const page = { product: "TOS", version: "2.0", newSlug: "by-a-plain-user", title: "x", body: "y" }
    for (const [path, input] of [
      ["manuals.editor.create", manual],
      ["manuals.editor.save", page],
      ["manuals.editor.save", { ...page, slug: "install-app", newSlug: "install-app" }],
      ["manuals.editor.delete", { product: "TOS", version: "2.0", slug: "install-app" }]
    ] as const) {
      const r = await user.call("mutation", path, input)
      expect(!r.ok && r.error.httpStatus, path).toBe(403)
    }
    const source = await user.trpc.manuals.editor.source.query({
      product: "TOS",
      version: "2.0",
      slug: "overview"
    })
    expect(!source.ok && source.error.httpStatus).toBe(403)
    expect((await user.rest("POST", "/manuals", manual)).status).toBe(403)
    expect(
      (await user.rest("PUT", "/manuals/TOS/2.0/pages/install-app", { title: "x", body: "y" })).status
    ).toBe(403)
    expect((await wharf.client().rest("POST", "/manuals", manual)).status).toBe(401)
    const after = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TOS", version: "2.0", slug: "install-app" })
    expect(after.ok && after.data.title).toBe("安装应用")
    const list = (await wharf.client().rest("GET", "/manuals")).body.items
    expect(list.map((m: { version: string }) => m.version)).not.toContain("3.0")
  })

  it("an editor starts a version from the last one, revises and adds pages: it is the latest, switchable and searchable at once", async () => {
    const agent = wharf.client()
    await agent.signIn("wang.fang@example.com", "wharf-demo-1")
    const created = await agent.rest("POST", "/manuals", {
      product: "TOS",
      version: "2.1",
      title: "TOS 2.1 用户手册",
      publishedAt: "2026-03-03",
      copyFrom: "2.0"
    })
    expect(created.status).toBe(201)
    const again = await agent.rest("POST", "/manuals", {
      product: "TOS",
      version: "2.1",
      title: "重复",
      publishedAt: "2026-03-03"
    })
    expect(again.status).toBe(409)
    const copied = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TOS", version: "2.1", slug: "install-app" })
    expect(copied.ok && copied.data.toc[3]!.children.map((n: { slug: string }) => n.slug)).toEqual(OPERATE)
    expect(copied.ok && copied.data.versions.map((v: { version: string }) => v.version)).toEqual([
      "2.1",
      "2.0",
      "1.9"
    ])
    const list = (await wharf.client().rest("GET", "/manuals")).body.items
    expect(list.find((m: { version: string }) => m.version === "2.1")).toMatchObject({ latest: true })
    expect(list.find((m: { version: string }) => m.version === "2.0")).toMatchObject({ latest: false })

    const source = await agent.trpc.manuals.editor.source.query({
      product: "TOS",
      version: "2.1",
      slug: "install-app"
    })
    expect(source.ok && source.data.parent).toBe("operate")
    const saved = await agent.trpc.manuals.editor.save.mutate({
      product: "TOS",
      version: "2.1",
      slug: "install-app",
      newSlug: "install-app",
      title: "安装应用",
      body: "TOS 2.1 支持灰度安装：先在一个租户验证。",
      parent: "operate"
    })
    expect(saved.ok).toBe(true)
    const hits = await wharf
      .client()
      .trpc.manuals.search.query({ q: "灰度安装", product: "TOS", version: "2.1" })
    expect(hits.ok && hits.data.map((h: { slug: string }) => h.slug)).toEqual(["install-app"])
    const old = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TOS", version: "2.0", slug: "install-app" })
    expect(old.ok && old.data.html).toContain("TOS 2.0 起安装向导支持保存为模板")

    const put = await agent.rest("PUT", "/manuals/TOS/2.1/pages/gray-release", {
      title: "灰度发布",
      body: "按租户逐步发布。",
      parent: "operate"
    })
    expect(put.status).toBe(200)
    const withNew = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TOS", version: "2.1", slug: "gray-release" })
    expect(withNew.ok && withNew.data.toc[3]!.children.map((n: { slug: string }) => n.slug)).toEqual([
      ...OPERATE,
      "gray-release"
    ])
    const bad = await agent.rest("PUT", "/manuals/TOS/2.1/pages/Bad%20Slug", { title: "", body: "b" })
    expect(bad.status).toBe(400)
    const cycle = await agent.trpc.manuals.editor.save.mutate({
      product: "TOS",
      version: "2.1",
      slug: "operate",
      newSlug: "operate",
      title: "日常运维",
      body: "b",
      parent: "gray-release"
    })
    expect(!cycle.ok && cycle.error.message).toContain("parent: a page cannot be placed under itself")
    expect(
      (await agent.trpc.manuals.editor.delete.mutate({ product: "TOS", version: "2.1", slug: "operate" })).ok
    ).toBe(true)
    const gone = await wharf
      .client()
      .trpc.manuals.page.query({ product: "TOS", version: "2.1", slug: "gray-release" })
    expect(!gone.ok && gone.error.httpStatus).toBe(404)
    const none = await wharf
      .client()
      .trpc.manuals.search.query({ q: "灰度安装", product: "TOS", version: "2.1" })
    // Other chapters still mention 安装; the deleted pages are gone.
    const left = none.ok ? none.data.map((h: { slug: string }) => h.slug) : ["failed"]
    expect(left).not.toContain("install-app")
    expect(left).not.toContain("gray-release")
  })

  it("a change and its word to the other servers commit together: one event per saved write, none for a refused one", async () => {
    const told = async () =>
      (
        await wharf.database.pool<{ n: number }[]>`
          select count(*)::int as n from wharf.events where topic = 'manuals.pages'`
      )[0]!.n
    const agent = wharf.client()
    await agent.signIn("wang.fang@example.com", "wharf-demo-1")
    const before = await told()
    const saved = await agent.rest("PUT", "/manuals/TDH/7.0/pages/told-once", {
      title: "一次",
      body: "只告知一次。"
    })
    expect(saved.status).toBe(200)
    expect(await told()).toBe(before + 1)
    const taken = await agent.rest("POST", "/manuals", {
      product: "TDH",
      version: "7.0",
      title: "重复",
      publishedAt: "2026-03-03"
    })
    expect(taken.status).toBe(409)
    expect(await told()).toBe(before + 1)

    // When the event cannot be written, the page is not saved either: no server keeps
    // searching an index that misses a committed page.
    await wharf.database.pool.unsafe(`
      create function public.refuse_manuals_event() returns trigger language plpgsql as $$
      begin
        if new.topic = 'manuals.pages' then raise exception 'event refused'; end if;
        return new;
      end $$;
      create trigger refuse_manuals_event before insert on wharf.events
        for each row execute function public.refuse_manuals_event();`)
    try {
      const untold = await agent.rest("PUT", "/manuals/TDH/7.0/pages/never-told", {
        title: "未告知",
        body: "不应保存。"
      })
      expect(untold.status).toBe(500)
      const page = await wharf.database.pool`select 1 from manuals.pages where slug = 'never-told'`
      expect(page).toHaveLength(0)
    } finally {
      await wharf.database.pool.unsafe(`
        drop trigger refuse_manuals_event on wharf.events;
        drop function public.refuse_manuals_event();`)
    }
  })

  it("a page an editor saves on one server is found by search on a second server", async () => {
    const second = await startTestWharf({
      backend,
      plugins: ["identity", "knowledge-base", "manuals"],
      databaseUrl: wharf.databaseUrl
    })
    try {
      const agent = wharf.client()
      await agent.signIn("wang.fang@example.com", "wharf-demo-1")
      const r = await agent.rest("PUT", "/manuals/TDH/7.0/pages/zeppelin-notes", {
        title: "Zeppelin 笔记本",
        body: "在 Zeppelin 笔记本里查询 Inceptor 表。"
      })
      expect(r.status).toBe(200)
      const hits = await second.client().trpc.manuals.search.query({ q: "Zeppelin 笔记本", product: "TDH" })
      expect(hits.ok && hits.data.map((h: { slug: string }) => h.slug)).toContain("zeppelin-notes")
    } finally {
      await second.stop()
    }
  })
})
