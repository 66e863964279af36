/**
 * @module The control panel's grouping and filters as the URL keeps them (CP-1, CP-2):
 * `?group=status&cluster=a,b&status=ready`. A dimension absent from the URL does not filter
 * (the seed: untouched is all selected); the server applies OR within, AND across.
 */
import {
  INSTANCE_STATUSES,
  type Instance,
  type InstanceListQuery,
  type InstanceStatus
} from "../../shared/instances"

export const GROUPINGS = ["cluster", "status", "namespace", "none"] as const
export type Grouping = (typeof GROUPINGS)[number]
export const DIMENSIONS = ["cluster", "status", "namespace"] as const
export type Dimension = (typeof DIMENSIONS)[number]

export interface PanelSearch {
  group?: string | undefined
  cluster?: string | undefined
  status?: string | undefined
  namespace?: string | undefined
}

export const groupingOf = (s: PanelSearch): Grouping =>
  (GROUPINGS as ReadonlyArray<string>).includes(s.group ?? "") ? (s.group as Grouping) : "cluster"

export const chosen = (s: PanelSearch, d: Dimension): string[] =>
  (s[d] ?? "").split(",").filter((v) => v !== "")

/** The URL value after ticking or unticking one label of a dimension (undefined: not filtered). */
export const toggled = (s: PanelSearch, d: Dimension, value: string, on: boolean): string | undefined => {
  const next = new Set(chosen(s, d))
  if (on) next.add(value)
  else next.delete(value)
  return next.size > 0 ? [...next].join(",") : undefined
}

export const listQuery = (s: PanelSearch): InstanceListQuery => {
  const status = chosen(s, "status").filter((v): v is InstanceStatus =>
    (INSTANCE_STATUSES as ReadonlyArray<string>).includes(v)
  )
  const cluster = chosen(s, "cluster")
  const namespace = chosen(s, "namespace")
  return {
    ...(cluster.length > 0 ? { cluster } : {}),
    ...(status.length > 0 ? { status } : {}),
    ...(namespace.length > 0 ? { namespace } : {})
  }
}

export interface InstanceGroup {
  readonly key: string
  readonly items: ReadonlyArray<Instance>
}

const keyOf = (i: Instance, g: Grouping) =>
  g === "cluster" ? i.clusterName : g === "status" ? i.status : g === "namespace" ? i.namespace : ""

/** Groups in a stable order (statuses in their lifecycle order), items by name within each. */
export const groupInstances = (items: ReadonlyArray<Instance>, g: Grouping): InstanceGroup[] => {
  const groups = new Map<string, Instance[]>()
  for (const i of [...items].sort((a, b) => a.name.localeCompare(b.name))) {
    const k = keyOf(i, g)
    groups.set(k, [...(groups.get(k) ?? []), i])
  }
  const order = (k: string) => (g === "status" ? INSTANCE_STATUSES.indexOf(k as InstanceStatus) : 0)
  return [...groups.entries()]
    .map(([key, list]) => ({ key, items: list }))
    .sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key))
}
