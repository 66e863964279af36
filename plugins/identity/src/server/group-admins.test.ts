/**
 * A group's admins manage its members with the platform admins (issue 12, finding 12: they
 * got 403 on their own group though `groups.ts` said they manage it). A plain member is
 * refused in words; to anyone outside the group it is absent.
 */
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

describe.each(testBackends())("group admins on $name", (backend) => {
  let wharf: TestWharf
  const ids = new Map<string, string>()
  const as = async (email: string) => {
    const c = wharf.client()
    await c.signIn(email, "wharf-demo-1")
    return c
  }
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity"], demo: true })
    const admin = wharf.client()
    await admin.signIn()
    const groups = await admin.trpc.identity.groups.list.query({ limit: 100, offset: 0 })
    for (const g of groups.ok ? groups.data.items : []) ids.set(g.name, g.id)
  })
  afterAll(() => wharf?.stop())

  const members = async (client: TestClient, group: string) => {
    const r = await client.trpc.identity.groups.members.query({ groupId: ids.get(group)! })
    return r.ok ? r.data.map((m) => `${m.email}:${m.role}`).sort() : r.error.httpStatus
  }

  it("a group's admin lists, adds, promotes and removes its members", async () => {
    const li = await as("li.wei@example.com") // admin of data-team
    expect(await members(li, "data-team")).toEqual([
      "li.wei@example.com:admin",
      "zhang.min@example.com:member"
    ])
    const added = await li.trpc.identity.groups.addMember.mutate({
      groupId: ids.get("data-team")!,
      email: "david.lee@example.com",
      role: "member"
    })
    expect(added.ok).toBe(true)
    // The new member signs in into the group.
    const david = await wharf.client().signIn("david.lee@example.com", "wharf-demo-1")
    expect(david.groups.map((g: { name: string }) => g.name)).toContain("data-team")
    const userId = added.ok ? added.data.userId : ""
    const groupId = ids.get("data-team")!
    expect((await li.trpc.identity.groups.setMemberRole.mutate({ groupId, userId, role: "admin" })).ok).toBe(
      true
    )
    expect(await members(li, "data-team")).toContain("david.lee@example.com:admin")
    expect((await li.trpc.identity.groups.removeMember.mutate({ groupId, userId })).ok).toBe(true)
    expect(await members(li, "data-team")).not.toContain("david.lee@example.com:admin")
  })

  it("a group's admin finds a person to add by their whole email only; a platform admin by any part of a name", async () => {
    const li = await as("li.wei@example.com")
    const groupId = ids.get("data-team")!
    const lookup = async (client: typeof li, search: string) => {
      const r = await client.trpc.identity.groups.lookup.query({ groupId, search })
      return r.ok ? r.data.map((p) => p.email) : r.error
    }
    // Other tenants' people are not a group admin's to browse.
    expect(await lookup(li, "david")).toEqual([])
    expect(await lookup(li, "example.com")).toEqual([])
    expect(await lookup(li, " DAVID.LEE@example.com ")).toEqual(["david.lee@example.com"])
    // Members are not offered again.
    expect(await lookup(li, "zhang.min@example.com")).toEqual([])
    const admin = wharf.client()
    await admin.signIn()
    expect(await lookup(admin, "david")).toEqual(["david.lee@example.com"])
    const everyone = (await lookup(admin, "example.com")) as string[]
    expect(everyone).toContain("david.lee@example.com")
    expect(everyone).not.toContain("li.wei@example.com")
    expect(await lookup(li, " x ")).toMatchObject({
      httpStatus: 400,
      message: expect.stringContaining("type at least 2 characters of a name or email")
    })
    const zhang = await as("zhang.min@example.com")
    const refused = await zhang.trpc.identity.groups.lookup.query({ groupId, search: "david" })
    expect(!refused.ok && refused.error.httpStatus).toBe(403)
  })

  it("a plain member is refused in words; outside the group it is absent", async () => {
    const zhang = await as("zhang.min@example.com") // member of data-team
    expect(await members(zhang, "data-team")).toBe(403)
    const add = await zhang.trpc.identity.groups.addMember.mutate({
      groupId: ids.get("data-team")!,
      email: "chen.jie@example.com",
      role: "admin"
    })
    expect(!add.ok && add.error).toMatchObject({
      httpStatus: 403,
      message: "Only the group's admins (and platform admins) manage its members"
    })
    const li = await as("li.wei@example.com") // member, not admin, of analytics; not in support
    expect(await members(li, "analytics")).toBe(403)
    expect(await members(li, "support")).toBe(404)
    const remove = await li.trpc.identity.groups.removeMember.mutate({
      groupId: ids.get("support")!,
      userId: "00000000-0000-4000-8000-000000000000"
    })
    expect(!remove.ok && remove.error.httpStatus).toBe(404)
  })

  it("creating, renaming and deleting groups stays with platform admins", async () => {
    const li = await as("li.wei@example.com")
    const rename = await li.trpc.identity.groups.update.mutate({ id: ids.get("data-team")!, name: "mine" })
    expect(!rename.ok && rename.error.httpStatus).toBe(403)
    const create = await li.trpc.identity.groups.create.mutate({ name: "new-team", description: "" })
    expect(!create.ok && create.error.httpStatus).toBe(403)
  })
})
