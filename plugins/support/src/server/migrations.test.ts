/**
 * A data directory made before services had English text: demo services still as shipped
 * read in English after the upgrade; a service an admin changed stays as it is.
 */
import { readFileSync } from "node:fs"
import { openEmbeddedDatabase, openServerDatabase, readMigrations, runMigrations } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { describe, expect, it } from "vitest"

const migrations = readMigrations(new URL("../../migrations/", import.meta.url))
const demo = JSON.parse(readFileSync(new URL("../../demo/support.json", import.meta.url), "utf8")) as {
  services: Array<{ name: string; category: string; description: string; priceNote: string }>
}

describe.each(testBackends())("upgrading an old data directory on $name", (backend) => {
  it("fills the demo's English into the demo services still as shipped, not into one an admin changed", async () => {
    const created = await backend.create()
    const db = created.url ? await openServerDatabase(created.url) : await openEmbeddedDatabase(null)
    try {
      await runMigrations(db.pool, [
        { plugin: "support", migrations: migrations.filter((m) => m.name < "0002") }
      ])
      const [shipped, changed] = demo.services
      for (const s of [shipped!, { ...changed!, priceNote: "免费" }]) {
        await db.pool`insert into support.services (name, category, description, price_note)
                      values (${s.name}, ${s.category}, ${s.description}, ${s.priceNote})`
      }
      await runMigrations(db.pool, [{ plugin: "support", migrations }])
      const rows = await db.pool<{ name: string; name_en: string | null; price_note_en: string | null }[]>`
        select name, name_en, price_note_en from support.services order by name = ${shipped!.name} desc`
      expect(rows.map((r) => [r.name, r.name_en, r.price_note_en])).toEqual([
        [shipped!.name, "Product selection", "Per engagement, from ¥2,000"],
        [changed!.name, null, null]
      ])
    } finally {
      await db.close()
      await created.drop()
    }
  })
})
