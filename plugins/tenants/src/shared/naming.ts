/**
 * @module Names Wharf gives tenants and what it creates for them in a cluster, shared by
 * the reconciler, `Quotas` and the plugins that create workloads (the app catalog).
 */

/** The label every tenant namespace carries (value: the tenant's id). */
export const TENANT_LABEL = "wharf.io/tenant"
/** The label on everything the tenants reconciler owns in a cluster. */
export const MANAGED_LABEL = "wharf.io/managed-by"
export const MANAGED_VALUE = "wharf-tenants"
/** Namespaces labelled so may always reach tenant namespaces (Wharf's own services). */
export const PLATFORM_LABEL = "wharf.io/platform"

/** The CNI bandwidth plugin's pod annotations. */
export const INGRESS_BANDWIDTH = "kubernetes.io/ingress-bandwidth"
const EGRESS_BANDWIDTH = "kubernetes.io/egress-bandwidth"

const slugOf = (text: string, room: number) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, room)
    .replace(/^-+|-+$/g, "") || "x"

/** The id (and namespace) a user's or group's tenant gets unless that one is taken. */
export const tenantIdFor = (kind: "user" | "group", name: string): string =>
  `${kind === "user" ? "u" : "g"}-${slugOf(name, 54)}`

/** The PriorityClass of a quota priority level (its value is the level). */
export const priorityClassName = (priority: number) => `wharf-priority-${priority}`

/** The level of a Wharf PriorityClass name, or null for any other class. */
export const priorityOfClass = (name: string | undefined | null): number | null => {
  const m = /^wharf-priority-(\d+)$/.exec(name ?? "")
  return m ? Number(m[1]) : null
}

/** The annotations that give a pod `mbps` Mbit/s each way (enforced by the CNI bandwidth plugin). */
export const bandwidthAnnotations = (mbps: number): Record<string, string> => ({
  [INGRESS_BANDWIDTH]: `${Math.round(mbps)}M`,
  [EGRESS_BANDWIDTH]: `${Math.round(mbps)}M`
})

/** Mbit/s of a bandwidth annotation value (`10M`, `1G`, `500k`, plain bits per second). */
export const mbpsOf = (value: string | undefined): number => {
  const m = /^(\d+(?:\.\d+)?)([kMGT]?)$/.exec(value?.trim() ?? "")
  if (!m) return 0
  const scale = { "": 1e-6, k: 1e-3, M: 1, G: 1e3, T: 1e6 }[m[2] as "" | "k" | "M" | "G" | "T"]
  return Number(m[1]) * scale
}
