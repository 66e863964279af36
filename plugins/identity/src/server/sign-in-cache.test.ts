import { CATCH_UP_MILLIS } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { makeSignInCache, SIGN_IN_CACHE_SECONDS } from "./sign-in-cache"

/** `GET /me` with exactly this cookie header, as a browser that kept an old cookie would. */
const meWith = async (wharf: TestWharf, cookie: string) => {
  const res = await wharf.app.request("/api/v1/me", { headers: { cookie } })
  return { status: res.status, body: res.status === 200 ? await res.json() : null }
}

const sessionCookie = (c: TestClient) => `wharf_session=${c.cookie("wharf_session")}`

describe.each(testBackends())("sign-in cache on $name", (backend) => {
  let wharf: TestWharf
  let admin: TestClient
  const userId = async (email: string) => {
    const r = await admin.trpc.identity.users.list.query({ search: email, limit: 1, offset: 0 })
    if (!r.ok) throw new Error(r.error.message)
    return r.data.items[0]!.id
  }
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity"], demo: true })
    admin = wharf.client()
    await admin.signIn()
  })
  afterAll(() => wharf?.stop())

  it("a signed-out session is refused on the very next request, though it was just answered", async () => {
    const c = wharf.client()
    await c.signIn("david.lee@example.com", "wharf-demo-1")
    const cookie = sessionCookie(c)
    expect((await meWith(wharf, cookie)).status).toBe(200)
    expect((await meWith(wharf, cookie)).status).toBe(200)
    expect((await c.rest("POST", "/auth/logout")).status).toBe(204)
    expect((await meWith(wharf, cookie)).status).toBe(401)
  })

  it("a role taken away by an admin is gone from the user's next request", async () => {
    const c = wharf.client()
    await c.signIn("zhang.min@example.com", "wharf-demo-1")
    const id = await userId("zhang.min@example.com")
    expect((await admin.trpc.identity.users.update.mutate({ id, roles: ["user", "agent"] })).ok).toBe(true)
    expect((await c.rest("GET", "/me")).body.user.roles).toEqual(["user", "agent"])
    expect((await admin.trpc.identity.users.update.mutate({ id, roles: ["user"] })).ok).toBe(true)
    expect((await c.rest("GET", "/me")).body.user.roles).toEqual(["user"])
  })

  it("a disabled user is signed out at once", async () => {
    const c = wharf.client()
    await c.signIn("zhang.min@example.com", "wharf-demo-1")
    const cookie = sessionCookie(c)
    expect((await meWith(wharf, cookie)).status).toBe(200)
    const id = await userId("zhang.min@example.com")
    expect((await admin.trpc.identity.users.update.mutate({ id, disabled: true })).ok).toBe(true)
    expect((await meWith(wharf, cookie)).status).toBe(401)
    expect((await admin.trpc.identity.users.update.mutate({ id, disabled: false })).ok).toBe(true)
  })

  it("leaving a group, or its rename, shows in the member's next request", async () => {
    const c = wharf.client()
    await c.signIn("li.wei@example.com", "wharf-demo-1")
    const groups = () =>
      c.rest("GET", "/me").then((r) => r.body.user.groups.map((g: { name: string }) => g.name))
    expect((await groups()).sort()).toEqual(["analytics", "data-team"])
    const id = await userId("li.wei@example.com")
    const list = await admin.trpc.identity.groups.list.query({ search: "analytics", limit: 5, offset: 0 })
    const analytics = list.ok ? list.data.items[0]!.id : ""
    expect(
      (await admin.trpc.identity.groups.removeMember.mutate({ groupId: analytics, userId: id })).ok
    ).toBe(true)
    expect(await groups()).toEqual(["data-team"])
    const dataTeam = (await c.rest("GET", "/me")).body.user.groups[0].id as string
    expect((await admin.trpc.identity.groups.update.mutate({ id: dataTeam, name: "data-platform" })).ok).toBe(
      true
    )
    expect(await groups()).toEqual(["data-platform"])
  })

  it(`another replica refuses a signed-out session within Events' bound, within ${SIGN_IN_CACHE_SECONDS} s without them`, async () => {
    const replica = await startTestWharf({ backend, plugins: ["identity"], databaseUrl: wharf.databaseUrl })
    try {
      const c = wharf.client()
      await c.signIn("david.lee@example.com", "wharf-demo-1")
      const cookie = sessionCookie(c)
      expect((await meWith(replica, cookie)).status).toBe(200)
      expect((await c.rest("POST", "/auth/logout")).status).toBe(204)
      expect((await meWith(wharf, cookie)).status).toBe(401)
      // The sign-out's event reaches the replica at once on PostgreSQL (NOTIFY), and within
      // Events' periodic read where notifications are not delivered (PGlite).
      await expect
        .poll(async () => (await meWith(replica, cookie)).status, { timeout: CATCH_UP_MILLIS * 2 + 500 })
        .toBe(401)

      // Were events to stop (the database unreadable for a while), a copy still answers for
      // no longer than its time: another session, remembered, then signed out behind the
      // replica's back, is refused once that time is up.
      const d = wharf.client()
      await d.signIn("david.lee@example.com", "wharf-demo-1")
      const other = sessionCookie(d)
      expect((await meWith(replica, other)).status).toBe(200)
      await wharf.database
        .pool`delete from identity.sessions where user_id = (select id from identity.users where email = 'david.lee@example.com')`
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + SIGN_IN_CACHE_SECONDS * 1000 + 1 })
      expect((await meWith(replica, other)).status).toBe(401)
    } finally {
      vi.useRealTimers()
      await replica.stop()
    }
  })
})

describe("sign-in cache entries", () => {
  const viewer = {
    id: "u1",
    email: "a@b.c",
    name: "A",
    locale: "en" as const,
    roles: ["user" as const],
    groups: []
  }

  it("a read that started before a forget is not remembered (it may be stale)", () => {
    const cache = makeSignInCache(5_000)
    const ticket = cache.ticket()
    cache.forgetUser("u1")
    cache.rememberViewer(ticket, viewer)
    expect(cache.viewer("u1")).toBeUndefined()
    cache.rememberViewer(cache.ticket(), viewer)
    expect(cache.viewer("u1")).toEqual(viewer)
  })

  it("a session is not answered past its own expiry, however fresh the entry", () => {
    const cache = makeSignInCache(60_000)
    cache.rememberSession(cache.ticket(), "s1", {
      userId: "u1",
      csrfToken: "t",
      expiresAt: new Date(Date.now() - 1)
    })
    expect(cache.session("s1")).toBeUndefined()
  })

  it("a cached viewer cannot be changed in place by a request", () => {
    const cache = makeSignInCache(5_000)
    cache.rememberViewer(cache.ticket(), { ...viewer, roles: ["user"], groups: [] })
    const cached = cache.viewer("u1")!
    expect(() => (cached.roles as string[]).push("admin")).toThrow(TypeError)
  })
})
