import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { newTicket, signedIn, startHelpdesk } from "./testkit"

interface Item {
  number: number
  title: string
  updatedAt: string
  tenant: { kind: string; name: string }
}

/** "My tickets" is read as two lists (own tickets, the groups' tickets) merged: it must page as one. */
describe.each(testBackends())("ticket lists on $name", (backend) => {
  let wharf: TestWharf
  let zhang: TestClient // data-team member
  let li: TestClient // data-team and analytics
  const mine: number[] = []
  const team: number[] = []
  const list = (c: TestClient, query: string) =>
    c.rest<{ items: Item[]; total: number; totalCapped: boolean }>("GET", `/tickets?${query}`)
  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    ;[zhang, li] = await Promise.all([
      signedIn(wharf, "zhang.min@example.com"),
      signedIn(wharf, "li.wei@example.com")
    ])
    const options = await zhang.trpc.helpdesk.tickets.options.query()
    const dataTeam = (options.ok ? options.data.groups : []).find(
      (g: { name: string }) => g.name === "data-team"
    )
    for (let i = 0; i < 3; i++) {
      mine.push(await newTicket(zhang, { title: `paging own ${i}` }))
      team.push(await newTicket(li, { title: `paging team ${i}`, groupId: dataTeam!.id }))
    }
  })
  afterAll(() => wharf?.stop())

  it("a customer's list holds their own and their groups' tickets, newest activity first", async () => {
    const all = await list(zhang, "limit=100")
    const numbers = all.body.items.map((t) => t.number)
    expect(numbers).toEqual(expect.arrayContaining([...mine, ...team]))
    expect(all.body.total).toBe(all.body.items.length)
    const order = all.body.items.map((t) => [t.updatedAt, t.number] as const)
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1))
    expect(order).toEqual(sorted)
    // The ones just filed come newest first, both kinds interleaved by time.
    const filed = new Set([...mine, ...team])
    expect(numbers.filter((n) => filed.has(n))).toEqual([
      team[2],
      mine[2],
      team[1],
      mine[1],
      team[0],
      mine[0]
    ])
  })

  it("pages of two add up to the whole list, with nothing twice or missing, and the same total", async () => {
    const all = await list(zhang, "limit=100")
    const paged: number[] = []
    for (let offset = 0; offset < all.body.total; offset += 2) {
      const page = await list(zhang, `limit=2&offset=${offset}`)
      expect(page.body.total).toBe(all.body.total)
      paged.push(...page.body.items.map((t) => t.number))
    }
    expect(paged).toEqual(all.body.items.map((t) => t.number))
    const past = await list(zhang, `limit=2&offset=${all.body.total + 10}`)
    expect(past.body.items).toEqual([])
    expect(past.body.total).toBe(all.body.total)
  })

  it("filters apply to both parts; a fellow member sees the group's tickets, not a member's own", async () => {
    const found = await list(zhang, `search=${encodeURIComponent("paging")}&limit=100`)
    expect(found.body.items.map((t) => t.number).sort()).toEqual([...mine, ...team].sort())
    expect(found.body.total).toBe(6)
    const seen = (await list(li, `search=${encodeURIComponent("paging")}&limit=100`)).body.items.map(
      (t) => t.number
    )
    expect(seen.sort()).toEqual([...team].sort())
  })
})
