import { CATCH_UP_MILLIS } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { Deferred, Effect, Fiber } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cachedList, LIST_CACHE_MILLIS, makeTicketListCache, TicketListCache } from "./list-cache"
import { newTicket, signedIn, startHelpdesk } from "./testkit"

interface Page {
  items: { number: number; title: string; severity: string; category: { name: string } }[]
  total: number
}

describe("ticket list pages", () => {
  it(`are kept for ${LIST_CACHE_MILLIS} ms from before their read, then read again`, () => {
    let now = 1_000
    const cache = makeTicketListCache(() => now)
    cache.remember(cache.ticket(), "k", "page")
    now += LIST_CACHE_MILLIS - 1
    expect(cache.lookup("k")).toBe("page")
    now += 1
    expect(cache.lookup("k")).toBeUndefined()
  })

  it("are not kept when a change committed while they were read (they may predate it)", () => {
    const cache = makeTicketListCache()
    const before = cache.ticket()
    cache.forgetAll()
    cache.remember(before, "k", "stale page")
    expect(cache.lookup("k")).toBeUndefined()
    cache.remember(cache.ticket(), "k", "fresh page")
    expect(cache.lookup("k")).toBe("fresh page")
    cache.forgetAll()
    expect(cache.lookup("k")).toBeUndefined()
  })
})

describe("requests that miss together", () => {
  /** A read that counts its runs and waits until released, like a statement in flight. */
  const slowRead = () => {
    let runs = 0
    const release = Deferred.makeUnsafe<void>()
    const read = () =>
      Effect.gen(function* () {
        const run = ++runs
        yield* Deferred.await(release)
        return { items: [`read ${run}`] }
      })
    return { read, release, runs: () => runs }
  }

  it("share one read, and all get its page", async () => {
    const cache = makeTicketListCache()
    const { read, release, runs } = slowRead()
    const pages = await Effect.runPromise(
      Effect.gen(function* () {
        const asking = yield* Effect.forkChild(
          Effect.all(
            Array.from({ length: 20 }, () => cachedList("k", read)),
            { concurrency: "unbounded" }
          )
        )
        yield* Effect.yieldNow
        yield* Deferred.succeed(release, undefined)
        return yield* Fiber.join(asking)
      }).pipe(Effect.provideService(TicketListCache, cache))
    )
    expect(runs()).toBe(1)
    expect(new Set(pages.map((p) => p.items[0]))).toEqual(new Set(["read 1"]))
  })

  it("after a change, whoever asks reads anew instead of joining the older read", async () => {
    const cache = makeTicketListCache()
    const { read, release, runs } = slowRead()
    const [before, after] = await Effect.runPromise(
      Effect.gen(function* () {
        const first = yield* Effect.forkChild(cachedList("k", read))
        yield* Effect.yieldNow
        cache.forgetAll()
        const second = yield* Effect.forkChild(cachedList("k", read))
        yield* Effect.yieldNow
        yield* Deferred.succeed(release, undefined)
        return [yield* Fiber.join(first), yield* Fiber.join(second)]
      }).pipe(Effect.provideService(TicketListCache, cache))
    )
    expect(runs()).toBe(2)
    expect(before?.items).toEqual(["read 1"])
    expect(after?.items).toEqual(["read 2"])
    // Only the read that began after the change is kept.
    expect(cache.lookup("k")).toBe(after)
  })

  it("all get the failure of a failed read, and the next request reads again", async () => {
    const cache = makeTicketListCache()
    const release = Deferred.makeUnsafe<void>()
    let runs = 0
    const failing = () =>
      Effect.gen(function* () {
        const run = ++runs
        yield* Deferred.await(release)
        return run === 1 ? yield* Effect.fail("database down") : { items: ["ok"] }
      })
    const exits = await Effect.runPromise(
      Effect.gen(function* () {
        const asking = yield* Effect.forkChild(
          Effect.all(
            Array.from({ length: 5 }, () => Effect.exit(cachedList("k", failing))),
            { concurrency: "unbounded" }
          )
        )
        yield* Effect.yieldNow
        yield* Deferred.succeed(release, undefined)
        return yield* Fiber.join(asking)
      }).pipe(Effect.provideService(TicketListCache, cache))
    )
    expect(exits.map((e) => e._tag)).toEqual(Array(5).fill("Failure"))
    expect(runs).toBe(1)
    const next = await Effect.runPromise(
      cachedList("k", failing).pipe(Effect.provideService(TicketListCache, cache))
    )
    expect(next.items).toEqual(["ok"])
  })
})

describe.each(testBackends())("ticket lists follow changes on $name", (backend) => {
  let wharf: TestWharf
  let agent: TestClient
  let zhang: TestClient
  let li: TestClient
  const queue = (c: TestClient) => c.rest<Page>("GET", "/tickets?limit=20")
  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    ;[agent, zhang, li] = await Promise.all([
      signedIn(wharf, "wang.fang@example.com"),
      signedIn(wharf, "zhang.min@example.com"),
      signedIn(wharf, "li.wei@example.com")
    ])
  })
  afterAll(() => wharf?.stop())

  it("whoever makes a change sees it in their next read, and so does everyone on this replica", async () => {
    const before = (await queue(agent)).body
    const number = await newTicket(zhang, { title: "cache: filed just now" })
    const after = (await queue(agent)).body
    expect(after.items[0]).toMatchObject({ number, title: "cache: filed just now" })
    expect(after.total).toBe(before.total + 1)
    expect((await zhang.rest<Page>("GET", "/tickets?limit=5")).body.items[0]?.number).toBe(number)

    expect((await agent.trpc.helpdesk.support.setSeverity.mutate({ number, severity: "minor" })).ok).toBe(
      true
    )
    expect((await queue(agent)).body.items.find((t) => t.number === number)?.severity).toBe("minor")
  })

  it("one customer's kept page is never another's, for the very same query", async () => {
    const zhangs = await newTicket(zhang, { title: "cache: zhang's own" })
    const lis = await newTicket(li, { title: "cache: li's own" })
    const query = "/tickets?limit=50&search=cache"
    const seenByZhang = (await zhang.rest<Page>("GET", query)).body.items.map((t) => t.number)
    const seenByLi = (await li.rest<Page>("GET", query)).body.items.map((t) => t.number)
    expect(seenByZhang).toContain(zhangs)
    expect(seenByZhang).not.toContain(lis)
    expect(seenByLi).toContain(lis)
    expect(seenByLi).not.toContain(zhangs)
  })

  it("a renamed category shows in the next read", async () => {
    const number = await newTicket(zhang, { title: "cache: category rename" })
    const admin = wharf.client()
    await admin.signIn("admin@wharf.test", "admin-password-1")
    const shown = (await queue(agent)).body.items.find((t) => t.number === number)!
    const categories = await admin.trpc.helpdesk.admin.categories.query()
    const category = (categories.ok ? categories.data : []).find(
      (c: { name: string }) => c.name === shown.category.name
    )
    const renamed = `${category!.name} (renamed)`
    expect(
      (await admin.trpc.helpdesk.admin.updateCategory.mutate({ id: category!.id, name: renamed })).ok
    ).toBe(true)
    try {
      expect((await queue(agent)).body.items.find((t) => t.number === number)?.category.name).toBe(renamed)
    } finally {
      await admin.trpc.helpdesk.admin.updateCategory.mutate({ id: category!.id, name: category!.name })
    }
  })

  it(`another replica, or any writer to the table, shows at once on PostgreSQL and within ${CATCH_UP_MILLIS} ms on PGlite`, async () => {
    const replica = await startTestWharf({
      backend,
      plugins: ["identity", "helpdesk"],
      databaseUrl: wharf.databaseUrl
    })
    try {
      const there = await signedIn(replica, "wang.fang@example.com")
      const number = await newTicket(zhang, { title: "cache: before the other replica" })
      expect((await queue(there)).body.items[0]?.number).toBe(number)
      // A statement from outside Wharf (psql, a migration script): only the trigger's NOTIFY tells.
      await wharf.database
        .pool`update helpdesk.tickets set title = 'cache: retitled in psql' where number = ${number}`
      const title = async () => (await queue(there)).body.items[0]?.title
      // PGlite delivers no notification: the replica reads the trigger's event from core's
      // Events log within its bound, before the kept page's lifetime is up.
      const within = backend.name === "postgres" ? 500 : CATCH_UP_MILLIS + 300
      expect(within).toBeLessThan(LIST_CACHE_MILLIS)
      await expect.poll(title, { timeout: within, interval: 20 }).toBe("cache: retitled in psql")
    } finally {
      await replica.stop()
    }
  })
})
