/**
 * The channels' open state from the helpdesk's service calendars (time zone, holidays),
 * and the built-in hours when the helpdesk is not enabled.
 */
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { channelsNow } from "./hours"

const utc = (s: string) => new Date(`${s}Z`)

describe.each(testBackends())("channel hours on $name", (backend) => {
  describe("from the helpdesk's service calendars", () => {
    let wharf: TestWharf
    beforeAll(async () => {
      wharf = await startTestWharf({
        backend,
        plugins: ["identity", "knowledge-base", "helpdesk", "support"]
      })
      // An admin moves the 5×8 calendar to Berlin and adds a holiday: Wednesday 2026-06-10.
      const admin = wharf.client()
      await admin.signIn()
      const calendars = await admin.trpc.helpdesk.admin.calendars.query()
      const fiveByEight = calendars.ok ? calendars.data.find((c) => c.key === "5x8") : undefined
      const r = await admin.trpc.helpdesk.admin.updateCalendar.mutate({
        id: fiveByEight!.id,
        timeZone: "Europe/Berlin",
        holidays: ["2026-06-10"]
      })
      if (!r.ok) throw new Error(r.error.message)
    })
    afterAll(() => wharf?.stop())

    const at = async (instant: Date) => {
      const channels = await wharf.runtime.runPromise(channelsNow(instant))
      return Object.fromEntries(channels.map((c) => [c.id, c]))
    }

    it("a 5×8 channel on a Saturday is closed and opens Monday 08:00 in the calendar's zone", async () => {
      // Saturday 2026-06-06 12:00 UTC; Monday 08:00 in Berlin (summer time) is 06:00 UTC.
      const { chat, ticket } = await at(utc("2026-06-06T12:00:00"))
      expect(chat).toMatchObject({ open: false, holiday: false, next: "2026-06-08T06:00:00.000Z" })
      expect(chat!.hours).toMatchObject({ timeZone: "Europe/Berlin", source: "calendar" })
      expect(ticket).toMatchObject({ open: true, next: null })
    })

    it("a 5×8 channel on a configured holiday is closed, says so, and opens the next working day", async () => {
      // Wednesday 2026-06-10 09:00 UTC is 11:00 in Berlin: would be open but for the holiday.
      const { chat, ticket, email } = await at(utc("2026-06-10T09:00:00"))
      expect(chat).toMatchObject({ open: false, holiday: true, next: "2026-06-11T06:00:00.000Z" })
      expect(ticket).toMatchObject({ open: true, next: null })
      expect(email).toMatchObject({ open: true, next: null })
      // The day after: open until 17:30 Berlin time.
      const after = await at(utc("2026-06-11T09:00:00"))
      expect(after.chat).toMatchObject({ open: true, next: "2026-06-11T15:30:00.000Z" })
    })

    it("serves the calendars' hours over REST too", async () => {
      const r = await wharf.client().rest("GET", "/support/channels")
      const chat = r.body.items.find((c: { id: string }) => c.id === "chat")
      expect(chat.hours).toEqual({
        timeZone: "Europe/Berlin",
        days: [1, 2, 3, 4, 5],
        startMinute: 480,
        endMinute: 1050,
        holidays: ["2026-06-10"],
        source: "calendar"
      })
    })
  })

  describe("without the helpdesk", () => {
    let wharf: TestWharf
    beforeAll(async () => {
      wharf = await startTestWharf({ backend, plugins: ["identity", "knowledge-base", "support"] })
    })
    afterAll(() => wharf?.stop())

    it("falls back to the built-in hours in Asia/Shanghai, without holidays", async () => {
      const channels = await wharf.runtime.runPromise(channelsNow(utc("2026-06-10T02:00:00")))
      const chat = channels.find((c) => c.id === "chat")!
      // Wednesday 10:00 in Shanghai: open until 17:30 there.
      expect(chat).toMatchObject({ open: true, next: "2026-06-10T09:30:00.000Z" })
      expect(chat.hours).toMatchObject({ timeZone: "Asia/Shanghai", source: "built-in", holidays: [] })
      const saturday = (await wharf.runtime.runPromise(channelsNow(utc("2026-06-13T02:00:00")))).find(
        (c) => c.id === "chat"
      )!
      expect(saturday).toMatchObject({ open: false, next: "2026-06-15T00:00:00.000Z" })
    })
  })
})
