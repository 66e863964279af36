/**
 * @module Who sees which cluster, for other plugins. `ClusterAccess` (implemented by the
 * clusters plugin's layer) answers whether a viewer may see a cluster, and so its hosts;
 * `clusterAudiences` is the extension point through which another plugin opens clusters to
 * users who do not own them (the tenants plugin: where one of their tenants holds quota).
 * A contribution from a plugin while clusters is disabled is never read.
 */
import type { Db, DbError, ExtensionPoint, Viewer } from "@wharf/core"
import { Context, type Effect } from "effect"

/**
 * The ids of the clusters `viewer` may see beyond those they own. Runs with core's services
 * only (the clusters layer is built before the contributor's); one that fails opens nothing.
 */
export type ClusterAudience = (viewer: Viewer) => Effect.Effect<ReadonlyArray<string>, unknown, Db>

export const clusterAudiences: ExtensionPoint<ClusterAudience> = { id: "clusters.audience" }

export interface ClusterAccessShape {
  /**
   * May `viewer` see the cluster (its page, its hosts, their figures): admins every cluster;
   * others those they own, themselves or through a group, and those a plugin opens to them.
   */
  readonly canSee: (viewer: Viewer, clusterId: string) => Effect.Effect<boolean, DbError>
}

export class ClusterAccess extends Context.Service<ClusterAccess, ClusterAccessShape>()(
  "wharf/clusters/ClusterAccess"
) {}
