// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

// Node resolves solid-js to its server build, which does not fetch resources: use the
// browser build, as the console does.
vi.mock("solid-js", () => import("solid-js/dist/solid.js" as string))
const { createRoot } = await import("solid-js")
const { createPagedList } = await import("./list")

const people = Array.from({ length: 45 }, (_, i) => `person-${i}`)

const fakeApi = () => {
  const calls: { search: string; limit: number; offset: number }[] = []
  let data = people
  return {
    calls,
    remove: (name: string) => {
      data = data.filter((p) => p !== name)
    },
    fetchPage: async (q: { search: string; limit: number; offset: number }) => {
      calls.push(q)
      const hits = data.filter((p) => p.includes(q.search))
      return { items: hits.slice(q.offset, q.offset + q.limit), total: hits.length }
    }
  }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0)
}

describe("a paged, searchable list", () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it("pages through the rows", async () => {
    const api = fakeApi()
    await createRoot(async (dispose) => {
      const list = createPagedList(api.fetchPage, { limit: 20 })
      await settle()
      expect(list.rows()?.length).toBe(20)
      expect(list.total()).toBe(45)
      list.setOffset(40)
      await settle()
      expect(list.rows()).toEqual(["person-40", "person-41", "person-42", "person-43", "person-44"])
      dispose()
    })
  })

  it("waits for the user to stop typing, then searches from page 1", async () => {
    const api = fakeApi()
    await createRoot(async (dispose) => {
      const list = createPagedList(api.fetchPage, { limit: 20 })
      await settle()
      list.setOffset(20)
      await settle()
      list.onSearch("person-1")
      list.onSearch("person-4")
      expect(list.searchText()).toBe("person-4")
      await vi.advanceTimersByTimeAsync(300)
      await settle()
      expect(api.calls.at(-1)).toEqual({ search: "person-4", limit: 20, offset: 0 })
      expect(api.calls.filter((c) => c.search === "person-1")).toEqual([])
      expect(list.rows()).toEqual([
        "person-4",
        "person-40",
        "person-41",
        "person-42",
        "person-43",
        "person-44"
      ])
      dispose()
    })
  })

  it("steps back a page when a delete empties the last one", async () => {
    const api = fakeApi()
    await createRoot(async (dispose) => {
      const list = createPagedList(api.fetchPage, { limit: 20, initial: { offset: 40 } })
      await settle()
      for (const p of people.slice(40)) api.remove(p)
      list.refetch()
      await settle()
      expect(list.offset()).toBe(20)
      expect(list.rows()?.[0]).toBe("person-20")
      dispose()
    })
  })
})
