/**
 * @module Who sees which cluster: the one rule. Platform admins see every cluster; other
 * users see the clusters they own, themselves or through one of their groups. (The
 * tenants plugin will widen this with quota-based visibility.)
 */
import { hasRole, type Viewer } from "@wharf/core"
import type { ClusterOwner } from "../shared/types"

export const canSeeCluster = (viewer: Viewer, owner: ClusterOwner): boolean => {
  if (hasRole(viewer, "admin")) return true
  if (owner.kind === "user") return owner.id === viewer.id
  if (owner.kind === "group") return viewer.groups.some((g) => g.id === owner.id)
  return false
}
