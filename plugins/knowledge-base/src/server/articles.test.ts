import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const draft = (title: string, body: string, status: "draft" | "published" = "draft") => ({
  title,
  body,
  tags: ["Kafka", "kafka", " broker "],
  product: "TDH",
  version: "7.0",
  locale: "zh-CN" as const,
  status
})

describe.each(testBackends())("knowledge-base articles on $name", (backend) => {
  let wharf: TestWharf
  let editor: TestClient
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "knowledge-base"], demo: true })
    editor = wharf.client()
    await editor.signIn("wang.fang@example.com", "wharf-demo-1")
  })
  afterAll(() => wharf?.stop())

  const create = async (input: ReturnType<typeof draft>) => {
    const r = await editor.trpc["knowledge-base"].editor.create.mutate(input)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as { id: string; revision: number }
  }

  it("keeps drafts from readers (signed in or not) and from search, and shows them to editors", async () => {
    const { id } = await create(draft("草稿：Kafka 分区重平衡", "分区重平衡说明"))
    const anonymous = wharf.client()
    expect((await anonymous.rest("GET", `/kb/articles/${id}`)).status).toBe(404)
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    const asUser = await user.trpc["knowledge-base"].get.query({ id })
    expect(!asUser.ok && asUser.error.httpStatus).toBe(404)
    const found = await user.rest("GET", "/kb/search?q=分区重平衡&limit=50")
    expect(found.body.items.map((i: { id: string }) => i.id)).not.toContain(id)
    const asEditor = await editor.trpc["knowledge-base"].get.query({ id })
    expect(asEditor.ok && asEditor.data.status).toBe("draft")
    expect(asEditor.ok && asEditor.data.tags).toEqual(["kafka", "broker"])
  })

  it("lets only editors write: a user gets 403, a visitor 401", async () => {
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    const r = await user.trpc["knowledge-base"].editor.create.mutate(draft("x", "y"))
    expect(!r.ok && r.error.httpStatus).toBe(403)
    expect((await wharf.client().rest("POST", "/kb/articles", draft("x", "y"))).status).toBe(401)
  })

  it("lets no plain user edit, publish, delete, restore or read the history of an article, over tRPC or REST", async () => {
    const { id } = await create(draft("草稿：只有编辑能发布", "编辑才能改"))
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    const publish = await user.trpc["knowledge-base"].editor.update.mutate({
      ...draft("草稿：只有编辑能发布", "编辑才能改", "published"),
      id,
      revision: 1
    })
    expect(!publish.ok && publish.error.httpStatus).toBe(403)
    for (const [path, input] of [
      ["knowledge-base.editor.delete", { id }],
      ["knowledge-base.editor.restore", { id, revision: 1 }]
    ] as const) {
      const r = await user.call("mutation", path, input)
      expect(!r.ok && r.error.httpStatus, path).toBe(403)
    }
    for (const [path, input] of [
      ["knowledge-base.editor.revisions", { id }],
      ["knowledge-base.editor.diff", { id, from: 1, to: 1 }],
      ["knowledge-base.editor.list", { limit: 10, offset: 0 }],
      ["knowledge-base.editor.preview", { body: "x" }],
      ["knowledge-base.editor.feedback", undefined]
    ] as const) {
      const r = await user.call("query", path, input)
      expect(!r.ok && r.error.httpStatus, path).toBe(403)
    }
    expect((await user.rest("POST", "/kb/articles", draft("x", "y", "published"))).status).toBe(403)
    expect((await user.rest("GET", "/kb/articles?status=draft")).status).toBe(403)
    // Still a draft, still revision 1: nothing the user tried went through.
    const seen = await editor.trpc["knowledge-base"].get.query({ id })
    expect(seen.ok && [seen.data.status, seen.data.revision]).toEqual(["draft", 1])
    const listed = await user.rest("GET", "/kb/articles")
    expect(listed.status).toBe(200)
    expect(listed.body.items.every((a: { status: string }) => a.status === "published")).toBe(true)
  })

  it("creates over REST, and names each wrong field in a 400", async () => {
    const ok = await editor.rest("POST", "/kb/articles", draft("REST 文章", "正文", "published"))
    expect(ok.status).toBe(201)
    const bad = await editor.rest("POST", "/kb/articles", { ...draft("", "b"), locale: "fr" })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain("title: must not be empty")
    expect(bad.body.error.message).toContain("locale")
  })

  it("keeps every edit as a revision, diffs two of them, and restores an old one as a new revision", async () => {
    const { id } = await create(draft("HDFS 副本数", "第一行\n副本数为 2\n", "published"))
    const v2 = await editor.trpc["knowledge-base"].editor.update.mutate({
      id,
      revision: 1,
      ...draft("HDFS 副本数", "第一行\n副本数为 3\n", "published")
    })
    expect(v2.ok && v2.data.revision).toBe(2)
    const stale = await editor.trpc["knowledge-base"].editor.update.mutate({
      id,
      revision: 1,
      ...draft("HDFS 副本数", "冲突", "published")
    })
    expect(!stale.ok && stale.error.httpStatus).toBe(409)

    const diff = await editor.trpc["knowledge-base"].editor.diff.query({ id, from: 1, to: 2 })
    expect(diff.ok && diff.data.lines.filter((l: { kind: string }) => l.kind !== "same")).toEqual([
      { kind: "removed", text: "副本数为 2" },
      { kind: "added", text: "副本数为 3" }
    ])
    const restored = await editor.trpc["knowledge-base"].editor.restore.mutate({ id, revision: 1 })
    expect(restored.ok && restored.data.revision).toBe(3)
    const history = await editor.trpc["knowledge-base"].editor.revisions.query({ id })
    expect(history.ok && history.data.map((r: { number: number }) => r.number)).toEqual([3, 2, 1])
    const now = await editor.trpc["knowledge-base"].get.query({ id })
    expect(now.ok && now.data.body).toBe("第一行\n副本数为 2\n")
    expect((await wharf.client().rest("GET", "/kb/search?q=副本数")).body.total).toBe(1)
  })

  it("renders Markdown (code, tables, images) and neutralises scripts, event handlers and javascript: links", async () => {
    const body = [
      "<script>window.pwned = 1</script>",
      '<img src="x" onerror="window.pwned = 1">',
      "[click](javascript:alert(1))",
      "![diagram](https://docs.example.com/hdfs.png)",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      "```bash\nhdfs dfsadmin -report\n```"
    ].join("\n\n")
    const { id } = await create(draft("XSS 测试", body, "published"))
    const r = await wharf.client().rest("GET", `/kb/articles/${id}`)
    const html: string = r.body.html
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img[^>]*onerror/i)
    expect(html).not.toMatch(/href="javascript:/i)
    expect(html).toContain("&lt;script&gt;")
    expect(html).toContain('<img src="https://docs.example.com/hdfs.png" alt="diagram" />')
    expect(html).toContain("<table>")
    expect(html).toContain('<code class="language-bash">hdfs dfsadmin -report')
  })

  it("counts helpful votes once per user (voting again changes the vote) and reports them to editors", async () => {
    const { id } = await create(draft("Yarn 队列", "队列配置", "published"))
    const a = wharf.client()
    await a.signIn("li.wei@example.com", "wharf-demo-1")
    const b = wharf.client()
    await b.signIn("zhang.min@example.com", "wharf-demo-1")
    await a.trpc["knowledge-base"].vote.mutate({ id, helpful: true })
    await a.trpc["knowledge-base"].vote.mutate({ id, helpful: true })
    await b.trpc["knowledge-base"].vote.mutate({ id, helpful: true })
    const changed = await b.trpc["knowledge-base"].vote.mutate({ id, helpful: false, comment: "缺少截图" })
    expect(changed.ok && changed.data).toEqual({ helpful: 1, notHelpful: 1, myVote: false })
    const seen = await a.trpc["knowledge-base"].get.query({ id })
    expect(seen.ok && [seen.data.helpful, seen.data.notHelpful, seen.data.myVote]).toEqual([1, 1, true])
    expect((await wharf.client().trpc["knowledge-base"].vote.mutate({ id, helpful: true })).ok).toBe(false)
    const report = await editor.trpc["knowledge-base"].editor.feedback.query()
    expect(report.ok && report.data.find((r: { id: string }) => r.id === id)).toMatchObject({
      helpful: 1,
      notHelpful: 1,
      lastComment: "缺少截图"
    })
    const user = await a.trpc["knowledge-base"].editor.feedback.query()
    expect(!user.ok && user.error.httpStatus).toBe(403)
  })

  it("serves the home page lists: admin-curated quick links, popular and recent articles", async () => {
    const home = await wharf.client().trpc["knowledge-base"].home.query({ locale: "zh-CN" })
    expect(home.ok && home.data.quickLinks.map((l: { label: string }) => l.label)).toContain("无法获取连接")
    expect(home.ok && home.data.popular).toHaveLength(8)
    const views = home.ok ? home.data.popular.map((a: { views: number }) => a.views) : []
    expect(views).toEqual([...views].sort((x, y) => y - x))
    const admin = wharf.client()
    await admin.signIn()
    const set = await admin.trpc["knowledge-base"].quickLinks.set.mutate({
      locale: "zh-CN",
      links: [{ label: "Kafka 配额", query: "Kafka 配额", locale: "zh-CN" }]
    })
    expect(set.ok && set.data).toEqual([{ label: "Kafka 配额", query: "Kafka 配额", locale: "zh-CN" }])
    const byAgent = await editor.trpc["knowledge-base"].quickLinks.set.mutate({ locale: "zh-CN", links: [] })
    expect(!byAgent.ok && byAgent.error.httpStatus).toBe(403)
  })

  it("offers each product's versions, newest first, and the common tags as search filters; drafts add none", async () => {
    await create({ ...draft("草稿：未发布版本", "正文"), version: "99.0", tags: ["secret-draft-tag"] })
    const r = await wharf.client().trpc["knowledge-base"].facets.query()
    expect(r.ok).toBe(true)
    const products = r.ok ? r.data.products : []
    expect(products.map((p: { product: string }) => p.product)).toEqual(["TDH", "TOS"])
    const tdh = products[0]!.versions
    expect(tdh).not.toContain("99.0")
    expect(tdh[0]).toBe("7.1")
    expect(tdh).toContain("6.2")
    expect(r.ok && r.data.tags.length).toBeGreaterThan(5)
    expect(r.ok && r.data.tags).not.toContain("secret-draft-tag")
    const narrowed = await wharf
      .client()
      .rest("GET", `/kb/search?q=连接&product=TDH&version=${tdh[0]}&limit=50`)
    expect(narrowed.body.total).toBeGreaterThan(0)
    expect(
      narrowed.body.items.every(
        (i: { product: string; version: string }) => i.product === "TDH" && i.version === tdh[0]
      )
    ).toBe(true)
  })

  it("has one tag per topic in both languages: FAQ is not listed again as 常见问题, and a typed label is stored as its key", async () => {
    const r = await wharf.client().trpc["knowledge-base"].facets.query()
    const tags: ReadonlyArray<string> = r.ok ? r.data.tags : []
    expect(tags).toEqual(expect.arrayContaining(["faq", "troubleshooting", "upgrade", "quota"]))
    for (const label of ["常见问题", "故障排查", "升级", "配额"]) expect(tags).not.toContain(label)
    const { id } = await create({ ...draft("草稿：配额常见问题", "正文"), tags: ["常见问题", "FAQ", "配额"] })
    const saved = await editor.trpc["knowledge-base"].get.query({ id })
    expect(saved.ok && saved.data.tags).toEqual(["faq", "quota"])
    // Chinese and English articles share the tag; a link naming it by its label still narrows.
    const zh = await wharf.client().rest("GET", "/kb/search?q=常见问题&tag=常见问题&locale=zh-CN&limit=5")
    const en = await wharf.client().rest("GET", "/kb/search?q=FAQ&tag=faq&locale=en&limit=5")
    for (const found of [zh, en]) {
      expect(found.body.total).toBeGreaterThan(0)
      expect(found.body.items.every((i: { tags: string[] }) => i.tags.includes("faq"))).toBe(true)
    }
  })

  it("suggests related articles, never the article itself", async () => {
    const found = await wharf.client().rest("GET", "/kb/search?q=无法获取连接&limit=1")
    const id = found.body.items[0].id
    const related = await wharf.client().trpc["knowledge-base"].related.query({ id })
    expect(related.ok && related.data.length).toBeGreaterThan(0)
    expect(related.ok && related.data.map((a: { id: string }) => a.id)).not.toContain(id)
  })
})
