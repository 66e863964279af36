import { describe, expect, it } from "vitest"
import { safeNext, signInHref } from "./next"

describe("where sign-in sends the user", () => {
  it("goes back to the page the user wanted", () => {
    expect(safeNext("/admin/users?search=li")).toBe("/admin/users?search=li")
    expect(safeNext(["/profile", "/other"])).toBe("/profile")
  })

  it("goes home when there is no page, or it is the sign-in page itself", () => {
    expect(safeNext(undefined)).toBe("/")
    expect(safeNext("")).toBe("/")
    expect(safeNext("/sign-in?next=%2F")).toBe("/")
  })

  it("never leaves the console", () => {
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])
      expect(safeNext(evil)).toBe("/")
  })

  it("round-trips through the sign-in link", () => {
    const href = signInHref("/admin/groups/7?tab=members")
    const next = new URL(href, "http://wharf.local").searchParams.get("next") ?? undefined
    expect(safeNext(next)).toBe("/admin/groups/7?tab=members")
  })
})
