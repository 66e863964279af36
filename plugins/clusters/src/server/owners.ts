/**
 * @module Resolving a cluster's owner: the current user, or a tenant named by an existing
 * user's email or group's name, looked up in identity's `Directory`.
 */
import { Invalid, type Viewer } from "@wharf/core"
import { Directory } from "@wharf/plugin-identity/shared"
import { Effect } from "effect"
import type { ClusterOwner } from "../shared/types"

const noOwner = (name: string) =>
  new Invalid({
    message: `owner: no user has the email ${name} and no group is named ${name}`,
    issues: [{ path: "owner", message: `no user has the email ${name} and no group is named ${name}` }]
  })

export const resolveOwner = Effect.fn("Clusters.resolveOwner")(function* (
  viewer: Viewer,
  owner: string | undefined
) {
  const name = owner?.trim() ?? ""
  if (name === "") return { kind: "user", id: viewer.id, name: viewer.email } satisfies ClusterOwner
  const directory = yield* Directory
  if (name.includes("@")) {
    const user = yield* directory.userByEmail(name)
    if (!user) return yield* noOwner(name)
    return { kind: "user", id: user.id, name: user.email } satisfies ClusterOwner
  }
  const group = yield* directory.groupByName(name)
  if (!group) return yield* noOwner(name)
  return { kind: "group", id: group.id, name: group.name } satisfies ClusterOwner
})
