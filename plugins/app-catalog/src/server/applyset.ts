/**
 * @module Each instance's objects as a Kubernetes ApplySet (KEP-3659), so kubectl and other
 * tools see Wharf's sets as sets: a parent ConfigMap `<instance>-applyset` carries the set's
 * id (computed as kubectl computes it), the tool that manages it (`wharf/v1`, so
 * `kubectl apply --prune --applyset` refuses to prune Wharf's set) and the group-kinds it
 * holds; each member is labelled part of it. Wharf itself still prunes by its instance label.
 */
import { createHash } from "node:crypto"
import type { KubeObject } from "../shared/render"

export const APPLYSET_TOOLING = "wharf/v1"
export const APPLYSET_ID_LABEL = "applyset.kubernetes.io/id"
export const APPLYSET_PART_OF_LABEL = "applyset.kubernetes.io/part-of"

export const applySetParentName = (instance: string) => `${instance}-applyset`

/** `applyset-<base64url(sha256(name.namespace.kind.group))>-v1`, kubectl's ApplySet.ID(). */
export const applySetId = (parent: { name: string; namespace: string; kind: string; group: string }) =>
  `applyset-${createHash("sha256")
    .update([parent.name, parent.namespace, parent.kind, parent.group].join("."))
    .digest("base64url")}-v1`

/** `Kind.group`, or `Kind` for the core group, as the contains-group-kinds annotation lists them. */
const groupKind = (o: KubeObject) => {
  const slash = o.apiVersion.indexOf("/")
  return slash < 0 ? o.kind : `${o.kind}.${o.apiVersion.slice(0, slash)}`
}

/** The parent first, then the members labelled part of the set. */
export const asApplySet = (
  objects: ReadonlyArray<KubeObject>,
  instance: string,
  namespace: string,
  labels: Readonly<Record<string, string>>
): ReadonlyArray<KubeObject> => {
  const name = applySetParentName(instance)
  const id = applySetId({ name, namespace, kind: "ConfigMap", group: "" })
  const parent: KubeObject = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name,
      namespace,
      labels: { ...labels, [APPLYSET_ID_LABEL]: id },
      annotations: {
        "applyset.kubernetes.io/tooling": APPLYSET_TOOLING,
        "applyset.kubernetes.io/contains-group-kinds": [...new Set(objects.map(groupKind))].sort().join(",")
      }
    }
  }
  const members = objects.map(
    (o): KubeObject => ({
      ...o,
      metadata: { ...o.metadata, labels: { ...o.metadata.labels, [APPLYSET_PART_OF_LABEL]: id } }
    })
  )
  return [parent, ...members]
}
