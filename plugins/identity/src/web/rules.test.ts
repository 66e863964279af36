import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CreateGroupInput, CreateUserInput, Email, GroupName, Password } from "../shared/schemas"
import {
  checkGroup,
  checkMemberEmail,
  checkNewUser,
  checkPasswordChange,
  curlExample,
  roleBadges,
  sameRoles,
  toggleRole
} from "./rules"

const accepts = (schema: Schema.Top, value: unknown) => Schema.is(schema as Schema.Codec<unknown>)(value)

describe("roles as badges", () => {
  it("shows each role once, strongest first, with its own tone", () => {
    expect(roleBadges(["user", "admin", "user"])).toEqual([
      { role: "admin", tone: "warning", label: "identity.role.admin" },
      { role: "user", tone: "neutral", label: "identity.role.user" }
    ])
  })
  it("ignores roles it does not know", () => {
    expect(roleBadges(["root", "agent"]).map((b) => b.role)).toEqual(["agent"])
  })
  it("toggling keeps the canonical order, so an unchanged set compares equal", () => {
    expect(toggleRole(["user"], "admin", true)).toEqual(["admin", "user"])
    expect(toggleRole(["admin", "user"], "admin", false)).toEqual(["user"])
    expect(sameRoles(toggleRole(["user", "agent"], "agent", true), ["agent", "user"])).toBe(true)
  })
})

describe("client checks agree with the server's schemas", () => {
  const emails = ["a@b.co", "name@example.com", "bad", "a@b", " @x.y", "x@y.z ", ""]
  it.each(emails)("email %j", (email) => {
    // The form trims before sending, so compare with the trimmed value.
    expect(checkMemberEmail(email).email === undefined).toBe(accepts(Email, email.trim()))
  })

  const groupNames = ["a", "data-team", "a1", "-a", "a-", "Data", "a_b", "a".repeat(40), "a".repeat(41), ""]
  it.each(groupNames)("group name %j", (name) => {
    expect(checkGroup({ name, description: "" }).name === undefined).toBe(accepts(GroupName, name))
  })

  const passwords = ["1234567", "12345678", "x".repeat(200), "x".repeat(201)]
  it.each(passwords)("password of length %#", (password) => {
    expect(checkPasswordChange({ current: "c", next: password, confirm: password }).next === undefined).toBe(
      accepts(Password, password)
    )
  })

  it("a new user the form accepts is one the server accepts", () => {
    const user = { email: "li@example.com", name: "李伟", password: "long-enough", roles: ["user"] as const }
    expect(checkNewUser({ ...user, roles: [...user.roles] })).toEqual({})
    expect(accepts(CreateUserInput, { ...user, roles: [...user.roles] })).toBe(true)
    expect(checkNewUser({ ...user, roles: [] }).roles).toBe("identity.check.rolesRequired")
    expect(accepts(CreateUserInput, { ...user, roles: [] })).toBe(false)
  })

  it("a group description over 500 characters is refused by both", () => {
    const description = "x".repeat(501)
    expect(checkGroup({ name: "ok", description }).description).toBeDefined()
    expect(accepts(CreateGroupInput, { name: "ok", description })).toBe(false)
  })
})

describe("password change", () => {
  it("catches a mismatched confirmation before asking the server", () => {
    expect(checkPasswordChange({ current: "old", next: "new-password", confirm: "new-passwrod" })).toEqual({
      confirm: "identity.check.passwordMismatch"
    })
  })
  it("needs the current password", () => {
    expect(checkPasswordChange({ current: "", next: "new-password", confirm: "new-password" })).toEqual({
      current: "identity.check.currentRequired"
    })
  })
})

it("the curl hint calls /api/v1/me with a bearer token", () => {
  expect(curlExample("https://wharf.example.com")).toBe(
    'curl -H "Authorization: Bearer <token>" https://wharf.example.com/api/v1/me'
  )
})
