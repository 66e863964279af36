/**
 * @module The identity pages' pure rules: how roles are shown, and the client-side
 * checks that mirror `shared/schemas.ts`. The patterns are copied rather than imported so
 * the console bundle does not pull in Effect; `rules.test.ts` keeps them in step with the
 * schemas. Checks answer with message keys, so they stay free of the language.
 */

export type Role = "admin" | "agent" | "user"
export type GroupRole = "member" | "admin"
export type Tone = "neutral" | "info" | "success" | "warning" | "danger"

/** Roles from the most to the least powerful: badges and checkboxes use this order. */
export const ROLES: ReadonlyArray<Role> = ["admin", "agent", "user"]
export const GROUP_ROLES: ReadonlyArray<GroupRole> = ["member", "admin"]

const ROLE_TONES: Record<Role, Tone> = { admin: "warning", agent: "info", user: "neutral" }

/** The badges for a user's roles: each role once, strongest first, with its tone and label key. */
export const roleBadges = (roles: ReadonlyArray<string>) =>
  ROLES.filter((r) => roles.includes(r)).map((role) => ({
    role,
    tone: ROLE_TONES[role],
    label: `identity.role.${role}`
  }))

/** Add or remove one role, keeping the canonical order (so "unchanged" compares equal). */
export const toggleRole = (roles: ReadonlyArray<Role>, role: Role, on: boolean): Role[] =>
  ROLES.filter((r) => (r === role ? on : roles.includes(r)))

export const sameRoles = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((r) => b.includes(r))

/** The Kubernetes namespace a group's workloads live in. */
export const namespaceOf = (groupName: string) => `g-${groupName}`

// Mirrors of shared/schemas.ts (Email, Password, DisplayName, GroupName).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const GROUP_NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/
export const MIN_PASSWORD = 8
const MAX_PASSWORD = 200
const MAX_NAME = 100
const MAX_DESCRIPTION = 500

/** Field name → message key of what is wrong with it; empty when the form may be sent. */
export type Problems<F extends string> = Partial<Record<F, string>>

export const hasProblems = (p: Problems<string>) => Object.keys(p).length > 0

const emailProblem = (email: string) => {
  const v = email.trim()
  if (!v) return "identity.check.emailRequired"
  if (!EMAIL.test(v) || v.length > 254) return "identity.check.emailInvalid"
  return undefined
}
const nameProblem = (name: string) => {
  const v = name.trim()
  if (!v) return "identity.check.nameRequired"
  if (v.length > MAX_NAME) return "identity.check.nameTooLong"
  return undefined
}
const passwordProblem = (password: string) => {
  if (password.length < MIN_PASSWORD) return "identity.check.passwordShort"
  if (password.length > MAX_PASSWORD) return "identity.check.passwordLong"
  return undefined
}

const only = <F extends string>(entries: ReadonlyArray<readonly [F, string | undefined]>): Problems<F> =>
  Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Problems<F>

export const checkNewUser = (f: {
  email: string
  name: string
  password: string
  roles: ReadonlyArray<Role>
}) =>
  only<"email" | "name" | "password" | "roles">([
    ["email", emailProblem(f.email)],
    ["name", nameProblem(f.name)],
    ["password", passwordProblem(f.password)],
    ["roles", f.roles.length === 0 ? "identity.check.rolesRequired" : undefined]
  ])

export const checkUserEdit = (f: { name: string; roles: ReadonlyArray<Role> }) =>
  only<"name" | "roles">([
    ["name", nameProblem(f.name)],
    ["roles", f.roles.length === 0 ? "identity.check.rolesRequired" : undefined]
  ])

export const checkGroup = (f: { name: string; description: string }) =>
  only<"name" | "description">([
    [
      "name",
      f.name === ""
        ? "identity.check.groupNameRequired"
        : GROUP_NAME.test(f.name)
          ? undefined
          : "identity.check.groupName"
    ],
    [
      "description",
      f.description.trim().length > MAX_DESCRIPTION ? "identity.check.descriptionTooLong" : undefined
    ]
  ])

export const checkMemberEmail = (email: string) => only<"email">([["email", emailProblem(email)]])

export const checkPasswordChange = (f: { current: string; next: string; confirm: string }) =>
  only<"current" | "next" | "confirm">([
    ["current", f.current ? undefined : "identity.check.currentRequired"],
    ["next", passwordProblem(f.next)],
    ["confirm", f.confirm === f.next ? undefined : "identity.check.passwordMismatch"]
  ])

export const checkName = (name: string) => only<"name">([["name", nameProblem(name)]])

/** How to call the API with a token, for the profile's hint. */
export const curlExample = (origin: string, token = "<token>") =>
  `curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/me`
