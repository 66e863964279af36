/**
 * A data directory made before manuals had English text: its demo rows, still as shipped,
 * read in English after the upgrade; rows an editor changed stay as they are.
 */
import { readFileSync } from "node:fs"
import { openEmbeddedDatabase, openServerDatabase, readMigrations, runMigrations } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { describe, expect, it } from "vitest"

const migrations = readMigrations(new URL("../../migrations/", import.meta.url))
interface DemoPage {
  slug: string
  title: string
  body: string
  children?: DemoPage[]
}
const demo = JSON.parse(readFileSync(new URL("../../demo/manuals.json", import.meta.url), "utf8")) as {
  manuals: Array<{ product: string; version: string; title: string; publishedAt: string; pages: DemoPage[] }>
  releases: Array<{ product: string; version: string; date: string; title: string; body: string }>
}

describe.each(testBackends())("upgrading an old data directory on $name", (backend) => {
  it("fills the demo's English into the demo rows still as shipped, and leaves an edited page in Chinese", async () => {
    const created = await backend.create()
    const db = created.url ? await openServerDatabase(created.url) : await openEmbeddedDatabase(null)
    try {
      // As the demo stored them before there were English columns.
      await runMigrations(db.pool, [
        { plugin: "manuals", migrations: migrations.filter((m) => m.name < "0002") }
      ])
      const tos = demo.manuals.find((m) => m.product === "TOS" && m.version === "1.9")!
      const [manual] = await db.pool<{ id: string }[]>`
        insert into manuals.manuals (product, version, title, published_at)
        values (${tos.product}, ${tos.version}, ${tos.title}, ${tos.publishedAt}) returning id::text`
      const configure = tos.pages.find((p) => p.slug === "configure")!
      const quota = configure.children!.find((p) => p.slug === "quota")!
      const registry = configure.children!.find((p) => p.slug === "registry")!
      let position = 0
      for (const p of [configure, quota, { ...registry, body: `${registry.body}\n\n本公司使用 Harbor。` }]) {
        await db.pool`insert into manuals.pages (manual_id, position, slug, title, body)
                      values (${manual!.id}, ${position++}, ${p.slug}, ${p.title}, ${p.body})`
      }
      const release = demo.releases.at(-1)!
      await db.pool`insert into manuals.releases (title, product, version, released_on, body)
                    values (${release.title}, ${release.product}, ${release.version}, ${release.date}, ${release.body})`

      await runMigrations(db.pool, [{ plugin: "manuals", migrations }])

      const [m] = await db.pool<{ title_en: string | null }[]>`select title_en from manuals.manuals`
      expect(m!.title_en).toBe("TOS 1.9 user manual")
      const pages = await db.pool<{ slug: string; title_en: string | null; body_en: string | null }[]>`
        select slug, title_en, body_en from manuals.pages order by position`
      expect(pages.map((p) => [p.slug, p.title_en])).toEqual([
        ["configure", "Configuration"],
        ["quota", "Creating user quotas"],
        ["registry", null]
      ])
      expect(pages[1]!.body_en).toContain(
        "When usage reaches 80% of the quota, the tenant's administrator is alerted."
      )
      expect(pages[2]!.body_en).toBeNull()
      const [r] = await db.pool<{ title_en: string | null; body_en: string | null }[]>`
        select title_en, body_en from manuals.releases`
      expect(r!.title_en).toBe("TOS 2.1 released")
      expect(r!.body_en).toContain("## What changed")
    } finally {
      await db.close()
      await created.drop()
    }
  })
})
