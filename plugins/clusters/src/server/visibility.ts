/**
 * @module Who sees which cluster: the one rule. Platform admins see every cluster; other
 * users see the clusters they own, themselves or through one of their groups, and those
 * another plugin opens to them through `clusterAudiences` (with the tenants plugin: the
 * clusters where one of their tenants holds quota). Seeing a cluster means seeing its hosts.
 */
import { type Db, Extensions, hasRole, type Viewer } from "@wharf/core"
import { Effect, Layer } from "effect"
import { ClusterAccess, clusterAudiences } from "../shared/access"
import type { ClusterOwner } from "../shared/types"
import { clusterById } from "./store"

/** The cluster ids plugins open to `viewer` (none asked for admins, who see all). */
export const openedTo = Effect.fn("Clusters.openedTo")(function* (viewer: Viewer) {
  const ids = new Set<string>()
  if (hasRole(viewer, "admin")) return ids
  for (const audience of (yield* Extensions).get(clusterAudiences)) {
    const found = yield* audience(viewer).pipe(
      Effect.catchCause((cause) =>
        Effect.as(
          Effect.logWarning("clusters: a plugin's cluster audience failed; it opens no cluster", cause),
          [] as ReadonlyArray<string>
        )
      )
    )
    for (const id of found) ids.add(id)
  }
  return ids
})

export const canSeeCluster = (
  viewer: Viewer,
  cluster: { readonly id: string; readonly owner: ClusterOwner },
  opened: ReadonlySet<string>
): boolean => {
  if (hasRole(viewer, "admin") || opened.has(cluster.id)) return true
  const owner = cluster.owner
  if (owner.kind === "user") return owner.id === viewer.id
  if (owner.kind === "group") return viewer.groups.some((g) => g.id === owner.id)
  return false
}

/** `ClusterAccess` for other plugins: the same rule, with the services it was built with. */
export const clusterAccessLayer = Layer.effect(
  ClusterAccess,
  Effect.gen(function* () {
    const context = yield* Effect.context<Db | Extensions>()
    return ClusterAccess.of({
      canSee: (viewer, clusterId) =>
        Effect.gen(function* () {
          const row = yield* clusterById(clusterId)
          return row !== undefined && canSeeCluster(viewer, row, yield* openedTo(viewer))
        }).pipe(Effect.provideContext(context))
    })
  })
)
