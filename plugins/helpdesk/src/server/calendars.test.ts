/**
 * Service calendars in the reader's language: the shipped calendars have English names
 * (also in a data directory made before there were any), tickets carry both names for the
 * agent's panel, and an admin renames a calendar in both languages.
 */
import { openEmbeddedDatabase, openServerDatabase, readMigrations, runMigrations } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const migrations = readMigrations(new URL("../../migrations/", import.meta.url))

describe.each(testBackends())("service calendar names on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "helpdesk"], demo: false })
  })
  afterAll(() => wharf?.stop())

  it("names the shipped calendars in English, and a ticket's SLA carries both names", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const calendars = await admin.trpc.helpdesk.admin.calendars.query()
    expect(calendars.ok && calendars.data.map((c) => [c.key, c.name, c.nameEn])).toEqual([
      ["5x8", "5×8 (周一至周五 08:00–17:30)", "5×8 (Mon–Fri 08:00–17:30)"],
      ["7x24", "7×24", "7×24"],
      ["7x8", "7×8 (每天 08:00–17:30)", "7×8 (every day 08:00–17:30)"]
    ])
    const options = await admin.trpc.helpdesk.tickets.options.query()
    const filed = await admin.rest("POST", "/tickets", {
      title: "Which hours?",
      severity: "minor",
      categoryId: options.ok ? options.data.categories[0]!.id : "",
      description: "The default calendar serves it"
    })
    expect(filed.status).toBe(201)
    const ticket = await admin.trpc.helpdesk.tickets.get.query({ number: filed.body.number })
    expect(ticket.ok && ticket.data.sla).toMatchObject({
      calendar: "5×8 (周一至周五 08:00–17:30)",
      calendarEn: "5×8 (Mon–Fri 08:00–17:30)"
    })
  })

  it("an admin renames a calendar in both languages, and clears the English name", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const all = await admin.trpc.helpdesk.admin.calendars.query()
    const id = all.ok ? all.data.find((c) => c.key === "7x8")!.id : ""
    const renamed = await admin.trpc.helpdesk.admin.updateCalendar.mutate({
      id,
      name: "7×8 周末值班",
      nameEn: "7×8 weekend duty"
    })
    expect(renamed.ok && [renamed.data.name, renamed.data.nameEn]).toEqual([
      "7×8 周末值班",
      "7×8 weekend duty"
    ])
    // Changing something else keeps both names.
    const kept = await admin.trpc.helpdesk.admin.updateCalendar.mutate({ id, timeZone: "Asia/Shanghai" })
    expect(kept.ok && [kept.data.name, kept.data.nameEn]).toEqual(["7×8 周末值班", "7×8 weekend duty"])
    const cleared = await admin.trpc.helpdesk.admin.updateCalendar.mutate({ id, nameEn: null })
    expect(cleared.ok && [cleared.data.name, cleared.data.nameEn]).toEqual(["7×8 周末值班", null])
    const empty = await admin.trpc.helpdesk.admin.updateCalendar.mutate({ id, name: "" })
    expect(!empty.ok && empty.error.httpStatus).toBe(400)
  })

  it("a data directory made before English names gets them for the calendars it shipped, not for renamed ones", async () => {
    const created = await backend.create()
    const db = created.url ? await openServerDatabase(created.url) : await openEmbeddedDatabase(null)
    try {
      const before = migrations.filter((m) => m.name < "0005")
      await runMigrations(db.pool, [{ plugin: "helpdesk", migrations: before }])
      await db.pool`update helpdesk.calendars set name = '7×8 周末值班' where key = '7x8'`
      await runMigrations(db.pool, [{ plugin: "helpdesk", migrations }])
      const rows = await db.pool<{ key: string; name_en: string | null }[]>`
        select key, name_en from helpdesk.calendars order by key`
      expect(rows.map((r) => [r.key, r.name_en])).toEqual([
        ["5x8", "5×8 (Mon–Fri 08:00–17:30)"],
        ["7x24", "7×24"],
        ["7x8", null]
      ])
    } finally {
      await db.close()
      await created.drop()
    }
  })
})
