/** @module Shapes the identity API answers with. */
import type { GroupMembership, Locale, Role } from "@wharf/core"

export interface SessionInfo {
  readonly user: { id: string; email: string; name: string; locale: Locale; roles: ReadonlyArray<Role> }
  readonly groups: ReadonlyArray<GroupMembership>
  readonly csrfToken: string
}

export interface UserSummary {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly locale: Locale
  readonly roles: ReadonlyArray<Role>
  readonly disabled: boolean
  readonly createdAt: string
  readonly groups: ReadonlyArray<GroupMembership>
}

export interface GroupSummary {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly memberCount: number
  readonly createdAt: string
}

/** Someone a group's manager may add, found by name or email. */
export interface GroupCandidate {
  readonly userId: string
  readonly email: string
  readonly name: string
}

export interface GroupMember {
  readonly userId: string
  readonly email: string
  readonly name: string
  readonly role: "member" | "admin"
}

export interface ApiTokenSummary {
  readonly id: string
  readonly name: string
  readonly prefix: string
  readonly createdAt: string
  readonly lastUsedAt: string | null
}

export const SESSION_COOKIE = "wharf_session"
export const CSRF_COOKIE = "wharf_csrf"
