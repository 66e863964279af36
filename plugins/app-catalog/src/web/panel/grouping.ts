/**
 * @module The control panel's grouping and filters as the URL keeps them (CP-1, CP-2):
 * `?group=status&cluster=a,b&status=ready`. A dimension absent from the URL does not filter
 * (the seed: untouched is all selected); the server applies OR within, AND across.
 */
import {
  GROUPINGS,
  type Grouping,
  INSTANCE_STATUSES,
  type InstanceListQuery,
  type InstanceStatus
} from "../../shared/instances"

export { GROUPINGS, type Grouping }

/** Cards on a page: four rows of a wide grid. */
export const PANEL_PAGE = 48
export const DIMENSIONS = ["cluster", "status", "namespace"] as const
export type Dimension = (typeof DIMENSIONS)[number]

export interface PanelSearch {
  group?: string | undefined
  /** The page, from 1 (absent: the first). */
  page?: string | undefined
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

/** The page the URL names (1 when absent or nonsense). */
export const pageOf = (s: PanelSearch): number => {
  const n = Number(s.page)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

/** The query for the page the URL names, in its grouping's order. */
export const pageQuery = (s: PanelSearch): InstanceListQuery => ({
  ...listQuery(s),
  group: groupingOf(s),
  limit: PANEL_PAGE,
  offset: (pageOf(s) - 1) * PANEL_PAGE
})
