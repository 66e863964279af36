/**
 * @module How the control panel groups installed apps (CP-1), shared by the server, which
 * pages the list in this order so a page holds whole runs of a group, and the console,
 * which draws the groups of the page it got.
 */
import { type Grouping, INSTANCE_STATUSES, type InstanceStatus } from "./instances"

/** What grouping needs of an instance. */
export interface Groupable {
  readonly name: string
  readonly status: InstanceStatus
  readonly namespace: string
  readonly clusterName: string
}

const keyOf = (i: Groupable, g: Grouping) =>
  g === "cluster" ? i.clusterName : g === "status" ? i.status : g === "namespace" ? i.namespace : ""

export interface Group<T> {
  readonly key: string
  readonly items: ReadonlyArray<T>
}

/** Groups in a stable order (statuses in their lifecycle order, the others by name), items by name within each. */
export const groupInOrder = <T extends Groupable>(items: ReadonlyArray<T>, g: Grouping): Array<Group<T>> => {
  const groups = new Map<string, T[]>()
  for (const i of [...items].sort((a, b) => a.name.localeCompare(b.name))) {
    const k = keyOf(i, g)
    const list = groups.get(k)
    if (list) list.push(i)
    else groups.set(k, [i])
  }
  const order = (k: string) => (g === "status" ? INSTANCE_STATUSES.indexOf(k as InstanceStatus) : 0)
  return [...groups.entries()]
    .map(([key, list]) => ({ key, items: list }))
    .sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key))
}
