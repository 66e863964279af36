/**
 * @module Identity's users and groups, through identity's `Directory` service: tenants reads
 * no identity table. A group's tenant counts and lists its disabled members too.
 */
import { Directory, type DirectoryShape } from "@wharf/plugin-identity/shared"
import { Effect } from "effect"

export type DirectoryLike = DirectoryShape

export const directory = Effect.gen(function* () {
  const d = yield* Directory
  return {
    ...d,
    membersOf: (groupId, q) => d.membersOf(groupId, { includeDisabled: true, ...q })
  } satisfies DirectoryLike
})
