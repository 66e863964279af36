/**
 * Names stored before uploads dropped bidirectional controls (issue 12, finding 12) are
 * cleaned by a migration, so lists and mails show them right, not only downloads.
 */
import { afterEach, describe, expect, it } from "vitest"
import { type OpenedDatabase, openEmbeddedDatabase, openServerDatabase } from "../db/connect"
import { readMigrations, runMigrations } from "../db/migrations"
import { testBackends } from "../testing"

const core = { plugin: "wharf", migrations: readMigrations(new URL("../../migrations/", import.meta.url)) }
const CLEANING = "0006_upload_names_without_bidi.sql"

describe.each(testBackends())("upload names stored earlier, on $name", (backend) => {
  let database: OpenedDatabase | undefined
  let drop = async () => {}
  afterEach(async () => {
    await database?.close()
    await drop()
  })

  it("lose their bidirectional controls when migrations run, and only those names change", async () => {
    const created = await backend.create()
    drop = created.drop
    database = created.url ? await openServerDatabase(created.url, 1) : await openEmbeddedDatabase(null)
    const pool = database.pool
    // A database from before the cleaning migration, holding what an upload then kept.
    await runMigrations(pool, [{ ...core, migrations: core.migrations.filter((m) => m.name < CLEANING) }])
    const upload = (id: string, filename: string) =>
      pool`insert into wharf.uploads (id, owner, purpose, filename, content_type, size, expires_at)
        values (${id}, 'user:x', 'ticket-attachment', ${filename}, 'application/octet-stream', 1, now() + interval '1 day')`
    await upload("reversed", "invoice\u202Efdp.exe")
    await upload(
      "every-control",
      " \u2066a\u202A\u202B\u202C\u202D\u2067\u2068\u2069\u200E\u200F\u061Cb.txt\u2069 "
    )
    await upload("plain", "诊断包 v2.zip")
    await upload("only-controls", "\u202E\u202E")

    // Up to the cleaning one: later migrations are not this test's.
    const upToCleaning = { ...core, migrations: core.migrations.filter((m) => m.name <= CLEANING) }
    expect(await runMigrations(pool, [upToCleaning])).toEqual([`wharf/${CLEANING}`])
    const names = async () =>
      Object.fromEntries(
        (await pool<{ id: string; filename: string }[]>`select id, filename from wharf.uploads`).map((r) => [
          r.id,
          r.filename
        ])
      )
    const cleaned = {
      reversed: "invoicefdp.exe",
      "every-control": "ab.txt",
      plain: "诊断包 v2.zip",
      "only-controls": "file"
    }
    expect(await names()).toEqual(cleaned)
    // Run again (as if not yet recorded): nothing changes.
    await pool`delete from wharf.migrations where plugin = 'wharf' and name = ${CLEANING}`
    await runMigrations(pool, [upToCleaning])
    expect(await names()).toEqual(cleaned)
  })
})
