import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import type { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Directory, type DirectoryShape } from "../shared/directory"

describe.each(testBackends())("identity's Directory on $name", (backend) => {
  let wharf: TestWharf
  const lookup = <A>(f: (d: DirectoryShape) => Effect.Effect<A, unknown>) =>
    wharf.runtime.runPromise(Directory.use(f))
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity"], demo: true })
  })
  afterAll(() => wharf?.stop())

  it("finds users by email (any case), id and ids; unknown ones are null or left out", async () => {
    const li = await lookup((d) => d.userByEmail("Li.Wei@Example.com"))
    expect(li).toMatchObject({ email: "li.wei@example.com", name: "李伟", disabled: false })
    expect(await lookup((d) => d.userById(li!.id))).toEqual(li)
    expect(await lookup((d) => d.userById("not-an-id"))).toBeNull()
    const zhang = await lookup((d) => d.userByEmail("zhang.min@example.com"))
    const both = await lookup((d) =>
      d.usersByIds([li!.id, zhang!.id, "00000000-0000-4000-8000-000000000000"])
    )
    expect(both.map((u) => u.email).sort()).toEqual(["li.wei@example.com", "zhang.min@example.com"])
    expect(await lookup((d) => d.userByEmail("nobody@example.com"))).toBeNull()
  })

  it("finds groups by slug, id and ids", async () => {
    const team = await lookup((d) => d.groupByName("DATA-TEAM"))
    expect(team).toMatchObject({ name: "data-team" })
    expect(await lookup((d) => d.groupById(team!.id))).toEqual(team)
    expect((await lookup((d) => d.groupsByIds([team!.id]))).map((g) => g.name)).toEqual(["data-team"])
    expect(await lookup((d) => d.groupByName("no-such-group"))).toBeNull()
  })

  it("a user's memberships carry the role; a group's members page and search", async () => {
    const li = await lookup((d) => d.userByEmail("li.wei@example.com"))
    const memberships = await lookup((d) => d.membershipsOf(li!.id))
    expect(memberships.map((m) => [m.group.name, m.role])).toEqual([
      ["analytics", "member"],
      ["data-team", "admin"]
    ])
    const analytics = memberships[0]!.group
    const first = await lookup((d) => d.membersOf(analytics.id, { limit: 2 }))
    expect(first.total).toBe(3)
    expect(first.items.map((m) => m.user.email)).toEqual([
      "anna.schmidt@example.com",
      "david.lee@example.com"
    ])
    const rest = await lookup((d) => d.membersOf(analytics.id, { limit: 2, offset: 2 }))
    expect(rest.items.map((m) => m.user.email)).toEqual(["li.wei@example.com"])
    const searched = await lookup((d) => d.membersOf(analytics.id, { search: "anna", limit: 10 }))
    expect(searched.items.map((m) => [m.user.email, m.role])).toEqual([["anna.schmidt@example.com", "admin"]])
  })

  it("searches users by name or email and role, leaving disabled users out unless asked", async () => {
    const agents = await lookup((d) => d.searchUsers({ roles: ["agent"], limit: 50 }))
    // The first admin is an agent too.
    expect(agents.items.map((u) => u.email).sort()).toEqual([
      "admin@wharf.test",
      "chen.jie@example.com",
      "wang.fang@example.com"
    ])
    const admin = wharf.client()
    await admin.signIn()
    const chen = await lookup((d) => d.userByEmail("chen.jie@example.com"))
    expect((await admin.trpc.identity.users.update.mutate({ id: chen!.id, disabled: true })).ok).toBe(true)
    const enabled = await lookup((d) => d.searchUsers({ roles: ["agent"], limit: 50 }))
    expect(enabled.items.map((u) => u.email).sort()).toEqual(["admin@wharf.test", "wang.fang@example.com"])
    const all = await lookup((d) => d.searchUsers({ search: "CHEN", includeDisabled: true, limit: 50 }))
    expect(all.items.map((u) => [u.email, u.disabled])).toEqual([["chen.jie@example.com", true]])
    // A user's own % is a character, not a wildcard.
    expect((await lookup((d) => d.searchUsers({ search: "%", limit: 50 }))).total).toBe(0)
  })

  it("searches groups by name or description", async () => {
    const found = await lookup((d) => d.searchGroups({ search: "kafka", limit: 10 }))
    expect(found.items.map((g) => g.name)).toEqual(["analytics"])
    expect((await lookup((d) => d.searchGroups({ limit: 10 }))).total).toBe(3)
  })
})
