/**
 * @module Who a viewer is: plain types and checks, free of Effect so the console bundle
 * can use them too.
 */
export const ROLES = ["admin", "agent", "user"] as const
export type Role = (typeof ROLES)[number]
export const LOCALES = ["zh-CN", "en"] as const
export type Locale = (typeof LOCALES)[number]

export interface GroupMembership {
  readonly id: string
  readonly name: string
  readonly role: "member" | "admin"
}

export interface Viewer {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly locale: Locale
  readonly roles: ReadonlyArray<Role>
  readonly groups: ReadonlyArray<GroupMembership>
}

export const hasRole = (viewer: Viewer, ...roles: ReadonlyArray<Role>) =>
  roles.some((r) => viewer.roles.includes(r))
