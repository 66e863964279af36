/**
 * @module Bringing one cluster in line with the quotas: read what Wharf keeps there (by
 * its label), compare field by field (quantities as numbers, so `100Gi` equals
 * `102400Mi`), and create, replace or delete only what differs. Running it twice changes
 * nothing the second time; a hand edit is undone by the next run.
 */
import * as k8s from "@kubernetes/client-node"
import { quantity } from "@wharf/plugin-clusters/shared"
import { MANAGED_LABEL, MANAGED_VALUE, priorityOfClass, TENANT_LABEL } from "../shared/naming"
import { type Desired, priorityClass, type TenantPlan, tenantObjects } from "./objects"

export interface ReconcileResult {
  /** Kubernetes API calls made (lists, reads and writes; client-node's discovery aside). */
  calls: number
  created: number
  updated: number
  deleted: number
  /** Kinds the cluster does not serve (e.g. NetworkPolicy on a cluster without it). */
  unsupported: string[]
}

const SELECTOR = `${MANAGED_LABEL}=${MANAGED_VALUE}`

/** Plain JSON with object keys sorted and quantity strings as numbers, for comparison. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
    )
  if (typeof value === "string" && /^\d+(\.\d+)?(m|k|Ki|Mi|Gi|Ti|Pi|M|G|T|P)?$/.test(value))
    return quantity(value)
  return value
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

const matches = (desired: Desired, actual: KubernetesObject): boolean => {
  const a = actual as Record<string, unknown> & KubernetesObject
  switch (desired.kind) {
    case "Namespace":
      return Object.entries(desired.metadata.labels).every(([k, v]) => a.metadata?.labels?.[k] === v)
    case "PriorityClass":
      return a.value === desired.value && a.preemptionPolicy === desired.preemptionPolicy
    default:
      return (
        same(desired.spec, a.spec) &&
        Object.entries(desired.metadata.labels).every(([k, v]) => a.metadata?.labels?.[k] === v) &&
        Object.entries(desired.metadata.annotations ?? {}).every(
          ([k, v]) => a.metadata?.annotations?.[k] === v
        )
      )
  }
}

type KubernetesObject = k8s.KubernetesObject
const keyOf = (o: { kind?: string; metadata?: { namespace?: string; name?: string } }) =>
  `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`

const NAMESPACED = [
  { apiVersion: "v1", kind: "ResourceQuota" },
  { apiVersion: "v1", kind: "LimitRange" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" }
] as const

const clients = new WeakMap<k8s.KubeConfig, k8s.KubernetesObjectApi>()
const clientOf = (kc: k8s.KubeConfig) => {
  let c = clients.get(kc)
  if (!c) {
    c = k8s.KubernetesObjectApi.makeApiClient(kc)
    clients.set(kc, c)
  }
  return c
}

const labelsOf = (d: Desired) => ({
  apiVersion: d.apiVersion,
  kind: d.kind,
  metadata: { name: d.metadata.name, labels: d.metadata.labels }
})

/** In batches of `limit`, so a cluster is not sent 1,000 requests at once. */
const inPool = async <T>(items: ReadonlyArray<T>, limit: number, run: (item: T) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!)
    })
  )
}

const isNotServed = (e: unknown) =>
  (e instanceof k8s.ApiException && e.code === 404) ||
  (e instanceof Error &&
    /Unrecognized API version and kind|could not find the requested resource/.test(e.message))

/**
 * Apply `plans` to the cluster. `full`: `plans` is every tenant with quota here; managed
 * objects of anyone else are closed (their namespace kept, its pods capped at none) and
 * unused PriorityClasses removed. Otherwise only the planned tenants' namespaces are read.
 */
export const reconcileCluster = async (
  kc: k8s.KubeConfig,
  plans: ReadonlyArray<TenantPlan>,
  options: { full: boolean; levels: ReadonlyArray<number> }
): Promise<ReconcileResult> => {
  const client = clientOf(kc)
  const result: ReconcileResult = { calls: 0, created: 0, updated: 0, deleted: 0, unsupported: [] }
  const call = <T>(p: Promise<T>) => {
    result.calls++
    return p
  }
  const list = async (apiVersion: string, kind: string, namespace?: string) => {
    try {
      const l = await call(
        client.list(apiVersion, kind, namespace, undefined, undefined, undefined, undefined, SELECTOR)
      )
      return l.items.map((o) => ({ ...o, apiVersion, kind }))
    } catch (e) {
      if (!isNotServed(e)) throw e
      if (!result.unsupported.includes(kind)) result.unsupported.push(kind)
      return null
    }
  }

  // What is there now.
  const actual = new Map<string, KubernetesObject>()
  const keep = (items: KubernetesObject[] | null) => {
    for (const o of items ?? []) actual.set(keyOf(o), o)
  }
  keep(await list("scheduling.k8s.io/v1", "PriorityClass"))
  const planned = new Map(plans.map((p) => [p.tenantId, p]))
  if (options.full) {
    const namespaces = (await list("v1", "Namespace")) ?? []
    keep(namespaces)
    for (const ns of namespaces) {
      const tenant = ns.metadata?.labels?.[TENANT_LABEL]
      if (tenant && tenant === ns.metadata?.name && !planned.has(tenant))
        planned.set(tenant, { tenantId: tenant, priorities: [], peers: [] })
    }
    for (const { apiVersion, kind } of NAMESPACED) keep(await list(apiVersion, kind))
  } else {
    await inPool([...planned.keys()], 8, async (ns) => {
      try {
        const found = await call(client.read({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } }))
        actual.set(keyOf({ ...found, kind: "Namespace" }), found)
      } catch (e) {
        if (!(e instanceof k8s.ApiException && e.code === 404)) throw e
      }
      for (const { apiVersion, kind } of NAMESPACED) keep(await list(apiVersion, kind, ns))
    })
  }

  const desired: Desired[] = options.levels.map(priorityClass)
  for (const plan of planned.values())
    desired.push(...tenantObjects(plan).filter((o) => !result.unsupported.includes(o.kind)))
  const wanted = new Set(desired.map(keyOf))

  // The cluster writes too (the quota controller updates a ResourceQuota's status after every
  // change to it or its pods), so a replace may meet a newer resourceVersion: read it again and
  // replace that, unless it already says what we want.
  const replace = async (d: Desired, found: KubernetesObject) => {
    let current = found
    for (let attempt = 1; ; attempt++) {
      try {
        await call(
          client.replace({
            ...d,
            metadata: { ...d.metadata, resourceVersion: current.metadata?.resourceVersion }
          })
        )
        return
      } catch (e) {
        if (!(e instanceof k8s.ApiException && e.code === 409) || attempt === 5) throw e
        current = await call(client.read(d))
        if (matches(d, current)) return
      }
    }
  }

  // Namespaces first (and alone): everything else lives in them.
  const write = async (d: Desired) => {
    const found = actual.get(keyOf(d))
    if (!found && d.kind === "Namespace") {
      // A namespace someone else made first (by hand, or demo data) is adopted: labelled as Wharf's.
      try {
        await call(client.create(d))
        result.created++
      } catch (e) {
        if (!(e instanceof k8s.ApiException && e.code === 409)) throw e
        await call(
          client.patch(
            labelsOf(d),
            undefined,
            undefined,
            "wharf-tenants",
            undefined,
            k8s.PatchStrategy.MergePatch
          )
        )
        result.updated++
      }
    } else if (!found) {
      await call(client.create(d))
      result.created++
    } else if (!matches(d, found)) {
      if (d.kind === "Namespace") {
        await call(
          client.patch(
            labelsOf(d),
            undefined,
            undefined,
            "wharf-tenants",
            undefined,
            k8s.PatchStrategy.MergePatch
          )
        )
      } else if (d.kind === "PriorityClass") {
        // A PriorityClass's value cannot change: replace it whole.
        await call(client.delete(found))
        await call(client.create(d))
      } else {
        await replace(d, found)
      }
      result.updated++
    }
  }
  await inPool(
    desired.filter((d) => d.kind === "Namespace" || d.kind === "PriorityClass"),
    16,
    write
  )
  await inPool(
    desired.filter((d) => d.kind !== "Namespace" && d.kind !== "PriorityClass"),
    16,
    write
  )

  // What Wharf made before and no longer wants (never a namespace: workloads live there).
  const stale = [...actual.values()].filter((o) => {
    const kind = (o as { kind?: string }).kind
    if (kind === "Namespace" || wanted.has(keyOf(o))) return false
    if (kind === "PriorityClass") return options.full && priorityOfClass(o.metadata?.name) !== null
    return planned.has(o.metadata?.namespace ?? "")
  })
  await inPool(stale, 16, async (o) => {
    try {
      await call(client.delete(o))
    } catch (e) {
      if (!(e instanceof k8s.ApiException && e.code === 404)) throw e
    }
    result.deleted++
  })
  return result
}
