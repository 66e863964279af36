/**
 * @module `Directory`: how other plugins look up identity's users and groups (for mail,
 * assignment, pickers and validating a typed name) without reading identity's tables.
 * Implemented by identity's layer; a plugin that yields it declares `dependsOn: ["identity"]`.
 */
import type { DbError, Locale, Role } from "@wharf/core"
import { Context, type Effect } from "effect"

export interface DirectoryUser {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly locale: Locale
  readonly roles: ReadonlyArray<Role>
  /** A disabled user cannot sign in; lookups by id still find them (old tickets name them). */
  readonly disabled: boolean
}

export interface DirectoryGroup {
  readonly id: string
  /** The slug that also names the group's namespace (`g-<name>`). */
  readonly name: string
  readonly description: string
}

export type MemberRole = "member" | "admin"

export interface DirectoryMembership {
  readonly group: DirectoryGroup
  readonly role: MemberRole
}

export interface DirectoryMember {
  readonly user: DirectoryUser
  readonly role: MemberRole
}

export interface DirectoryPage<T> {
  readonly items: ReadonlyArray<T>
  readonly total: number
}

export interface DirectoryQuery {
  /** Matched against a user's email and name, or a group's name and description. */
  readonly search?: string | undefined
  readonly limit: number
  readonly offset?: number | undefined
}

export interface UserQuery extends DirectoryQuery {
  /** Only users holding at least one of these roles. */
  readonly roles?: ReadonlyArray<Role> | undefined
  /** Disabled users are left out unless asked for. */
  readonly includeDisabled?: boolean | undefined
}

export interface DirectoryShape {
  readonly userById: (id: string) => Effect.Effect<DirectoryUser | null, DbError>
  /** The users among `ids` that exist, in no particular order. */
  readonly usersByIds: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<DirectoryUser>, DbError>
  /** Case-insensitive, as sign-in is. */
  readonly userByEmail: (email: string) => Effect.Effect<DirectoryUser | null, DbError>
  readonly groupById: (id: string) => Effect.Effect<DirectoryGroup | null, DbError>
  readonly groupsByIds: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<DirectoryGroup>, DbError>
  /** By slug, case-insensitive. */
  readonly groupByName: (name: string) => Effect.Effect<DirectoryGroup | null, DbError>
  /** The groups a user belongs to, with their role in each, by group name. */
  readonly membershipsOf: (userId: string) => Effect.Effect<ReadonlyArray<DirectoryMembership>, DbError>
  /** A group's members by email; an unknown group has none. */
  readonly membersOf: (
    groupId: string,
    query: DirectoryQuery & { readonly includeDisabled?: boolean | undefined }
  ) => Effect.Effect<DirectoryPage<DirectoryMember>, DbError>
  /** Users by name, for pickers and lists (e.g. every enabled agent). */
  readonly searchUsers: (query: UserQuery) => Effect.Effect<DirectoryPage<DirectoryUser>, DbError>
  readonly searchGroups: (query: DirectoryQuery) => Effect.Effect<DirectoryPage<DirectoryGroup>, DbError>
}

export class Directory extends Context.Service<Directory, DirectoryShape>()("identity/Directory") {}
