/**
 * @module Quotas: admins create one for a user (by email) or a group (by name) on a
 * cluster, add priorities, change any value, delete a priority. Values are checked here
 * so each message names its field in the viewer's language. Every change is queued for
 * the reconciler once it commits.
 */
import {
  Conflict,
  Db,
  type DbError,
  deepFreeze,
  Invalid,
  NotFound,
  requireRole,
  requireViewer,
  type Unavailable
} from "@wharf/core"
import { type ClusterRef, KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect, Exit } from "effect"
import { QUOTA_DEFAULTS, QUOTA_LIMITS, type QuotaValues } from "../shared/schemas"
import type { QuotaRow, QuotaSummary, ResourceKind, Resources, TenantRef } from "../shared/types"
import { RESOURCE_KINDS } from "../shared/types"
import { directory } from "./directory"
import { Reconciler } from "./reconciler"
import { type Say, sayer } from "./say"
import {
  deleteQuota as deleteRow,
  ensureTenant,
  insertQuota,
  listQuotas,
  type QuotaRecord,
  type QuotaValuesStored,
  quotaById,
  updateQuota as updateRow
} from "./store"
import { mayUse } from "./tenants"
import { noDb } from "./unavailable"
import { capacityOf } from "./usage"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const FIELD_NAMES: Record<keyof QuotaValuesStored, [string, string]> = {
  priority: ["优先级", "priority"],
  cpu: ["CPU（核）", "cpu (cores)"],
  memory: ["内存（MiB）", "memory (MiB)"],
  storage: ["存储（MiB）", "storage (MiB)"],
  network: ["网络（Mbit/s）", "network (Mbit/s)"]
}

/** Problems of each given value, named by field. */
const valueIssues = (say: Say, values: QuotaValues) => {
  const issues: Array<{ path: string; message: string }> = []
  for (const field of ["priority", ...RESOURCE_KINDS] as const) {
    const v = values[field]
    if (v === undefined) continue
    const [zh, en] = FIELD_NAMES[field]
    const max = QUOTA_LIMITS[field]
    const problem = !Number.isFinite(v)
      ? say(`${zh}必须是数字`, `${en} must be a number`)
      : v < 0
        ? say(`${zh}不能为负数`, `${en} must not be negative`)
        : v > max
          ? say(`${zh}不能超过 ${max}`, `${en} must be at most ${max}`)
          : field === "cpu"
            ? Math.round(v * 1000) !== v * 1000
              ? say(`${zh}最多三位小数`, `${en} takes at most three decimals`)
              : undefined
            : !Number.isInteger(v)
              ? say(`${zh}必须是整数`, `${en} must be a whole number`)
              : undefined
    if (problem) issues.push({ path: field, message: problem })
  }
  return issues
}

const invalid = (issues: ReadonlyArray<{ path: string; message: string }>) =>
  new Invalid({ message: issues.map((i) => i.message).join("; "), issues })

const clusterNamed = Effect.fn("Quotas.cluster")(function* (clusterId: string) {
  const clusters = yield* (yield* KubeClients).clusters
  return clusters.find((c) => c.id === clusterId)
})

const toRow = (q: QuotaRecord, clusters: ReadonlyArray<ClusterRef>): QuotaRow => ({
  id: q.id,
  tenant: q.tenant,
  clusterId: q.clusterId,
  clusterName: clusters.find((c) => c.id === q.clusterId)?.name ?? q.clusterId,
  priority: q.priority,
  cpu: q.cpu,
  memory: q.memory,
  storage: q.storage,
  network: q.network,
  updatedAt: q.updatedAt.toISOString()
})

export const createQuota = Effect.fn("Quotas.create")(function* (
  input: {
    type: "user" | "leasee"
    subject: string
    clusterId: string
  } & QuotaValues
) {
  yield* requireRole("admin")
  const say = yield* sayer
  const dir = yield* directory
  const issues = valueIssues(say, input)
  const subject = input.subject.trim()
  let tenant: { kind: "user" | "group"; id: string; name: string } | undefined
  if (subject === "") {
    issues.push({
      path: "subject",
      message:
        input.type === "user"
          ? say("请填写用户的邮箱", "give the user's email")
          : say("请填写组名", "give the group's name")
    })
  } else if (input.type === "user") {
    const user = yield* dir.userByEmail(subject)
    if (user) tenant = { kind: "user", id: user.id, name: user.email }
    else
      issues.push({
        path: "subject",
        message: say(`没有邮箱为 ${subject} 的用户`, `no user has the email ${subject}`)
      })
  } else {
    const group = yield* dir.groupByName(subject)
    if (group) tenant = { kind: "group", id: group.id, name: group.name }
    else
      issues.push({
        path: "subject",
        message: say(`没有名为 ${subject} 的组`, `no group is named ${subject}`)
      })
  }
  const cluster = yield* clusterNamed(input.clusterId)
  if (!cluster) issues.push({ path: "clusterId", message: say("没有这个集群", "no such cluster") })
  if (issues.length > 0 || !tenant || !cluster) return yield* invalid(issues)
  const values: QuotaValuesStored = {
    priority: input.priority ?? QUOTA_DEFAULTS.priority,
    cpu: input.cpu ?? QUOTA_DEFAULTS.cpu,
    memory: input.memory ?? QUOTA_DEFAULTS.memory,
    storage: input.storage ?? QUOTA_DEFAULTS.storage,
    network: input.network ?? QUOTA_DEFAULTS.network
  }
  const ref = yield* ensureTenant(tenant.kind, tenant.id, tenant.name)
  const id = yield* insertQuota(ref.id, cluster.id, values)
  if (!id)
    return yield* new Conflict({
      message: say(
        `${ref.name} 在集群 ${cluster.name} 上已有优先级 ${values.priority} 的配额`,
        `${ref.name} already has a quota at priority ${values.priority} on cluster ${cluster.name}`
      )
    })
  yield* forgetSummaries
  yield* (yield* Reconciler).trigger(cluster.id, ref.id)
  return toRow((yield* quotaById(id))!, [cluster])
}, noDb)

/** A quota the viewer may see (another tenant's is `NotFound`, whatever the role asked for). */
const existing = Effect.fn("Quotas.existing")(function* (id: string) {
  const viewer = yield* requireViewer
  const say = yield* sayer
  const found = UUID.test(id) ? yield* quotaById(id) : undefined
  if (!found || !mayUse(viewer, found.tenant, found.subjectId))
    return yield* new NotFound({ message: say("没有这个配额", "No such quota") })
  return found
})

export const updateQuota = Effect.fn("Quotas.update")(function* (input: { id: string } & QuotaValues) {
  const before = yield* existing(input.id)
  yield* requireRole("admin")
  const say = yield* sayer
  const issues = valueIssues(say, input)
  if (issues.length > 0) return yield* invalid(issues)
  const values: QuotaValuesStored = {
    priority: input.priority ?? before.priority,
    cpu: input.cpu ?? before.cpu,
    memory: input.memory ?? before.memory,
    storage: input.storage ?? before.storage,
    network: input.network ?? before.network
  }
  if (!(yield* updateRow(before.id, values)))
    return yield* invalid([
      {
        path: "priority",
        message: say(
          `${before.tenant.name} 在这个集群上已有优先级 ${values.priority}`,
          `${before.tenant.name} already has priority ${values.priority} on this cluster`
        )
      }
    ])
  yield* forgetSummaries
  yield* (yield* Reconciler).trigger(before.clusterId, before.tenant.id)
  const clusters = yield* (yield* KubeClients).clusters
  return toRow((yield* quotaById(before.id))!, clusters)
}, noDb)

export const deleteQuota = Effect.fn("Quotas.delete")(function* (id: string) {
  const before = yield* existing(id)
  yield* requireRole("admin")
  yield* deleteRow(before.id)
  yield* forgetSummaries
  yield* (yield* Reconciler).trigger(before.clusterId, before.tenant.id)
  return { id: before.id }
}, noDb)

const matches = (search: string | undefined, ...texts: ReadonlyArray<string>) => {
  const q = search?.trim().toLowerCase() ?? ""
  return q === "" || texts.some((t) => t.toLowerCase().includes(q))
}

/** Quota rows the viewer may see (admins: all; others: their tenants'), optionally of one cluster or tenant. */
export const listQuotaRows = Effect.fn("Quotas.listRows")(function* (query: {
  clusterId?: string | undefined
  tenant?: string | undefined
  search?: string | undefined
}) {
  const viewer = yield* requireViewer
  const clusters = yield* (yield* KubeClients).clusters
  const rows = yield* listQuotas({
    clusterId: query.clusterId,
    tenantIds: query.tenant ? [query.tenant] : undefined
  })
  return rows
    .filter((q) => mayUse(viewer, q.tenant, q.subjectId))
    .map((q) => toRow(q, clusters))
    .filter((q) => matches(query.search, q.tenant.name, q.tenant.id, q.clusterName))
}, noDb)

export const quotaRow = Effect.fn("Quotas.get")(function* (id: string) {
  const found = yield* existing(id)
  return toRow(found, yield* (yield* KubeClients).clusters)
}, noDb)

const sum = (rows: ReadonlyArray<Resources>): Resources => ({
  cpu: rows.reduce((s, r) => s + r.cpu, 0),
  memory: rows.reduce((s, r) => s + r.memory, 0),
  storage: rows.reduce((s, r) => s + r.storage, 0),
  network: rows.reduce((s, r) => s + r.network, 0)
})

// A cluster's summary, kept for a second and shared by every reader (50 admins refreshing
// must not mean 50 reads of every quota and of the cluster list): one computation at a time
// per cluster. Each page asked of it is kept with it, frozen, so the REST layer writes a
// page's JSON once. This replica's changes drop it at once; another replica's show within
// the second.
const SUMMARY_TTL_MS = 1000
/** Tenants on a page of the summary, when the caller does not say. */
export const SUMMARY_PAGE = 20
const KEPT_PAGES = 100

interface WholeSummary {
  readonly clusterId: string
  readonly clusterName: string
  /** Every tenant with quota on the cluster, in the rows' order, with its priorities. */
  readonly tenants: ReadonlyArray<{ readonly tenant: TenantRef; readonly rows: ReadonlyArray<QuotaRow> }>
  readonly priorities: number
  readonly total: Resources
  readonly capacity: QuotaSummary["capacity"]
  readonly overcommitted: ReadonlyArray<ResourceKind>
  readonly pages: Map<string, QuotaSummary>
}
type Kept = { at: number; summary: Promise<Exit.Exit<WholeSummary, NotFound | Unavailable | DbError>> }
const kept = new Map<string, Kept>()
const forgetSummaries = Effect.gen(function* () {
  yield* (yield* Db).afterCommit(() => kept.clear())
})

const computeSummary = Effect.fn("Quotas.computeSummary")(function* (clusterId: string) {
  const cluster = yield* clusterNamed(clusterId)
  if (!cluster) return yield* new NotFound({ message: "No such cluster" })
  const rows = (yield* listQuotas({ clusterId: cluster.id })).map((q) => toRow(q, [cluster]))
  const byTenant = new Map<string, { tenant: TenantRef; rows: QuotaRow[] }>()
  for (const row of rows) {
    const entry = byTenant.get(row.tenant.id)
    if (entry) entry.rows.push(row)
    else byTenant.set(row.tenant.id, { tenant: row.tenant, rows: [row] })
  }
  const total = sum(rows)
  const capacity = yield* Effect.orElseSucceed(capacityOf(clusterId), () => null)
  const overcommitted: ResourceKind[] = capacity
    ? (["cpu", "memory", "storage"] as const).filter((k) => total[k] > capacity[k])
    : []
  return {
    clusterId,
    clusterName: cluster.name,
    tenants: deepFreeze([...byTenant.values()]),
    priorities: rows.length,
    total,
    capacity,
    overcommitted,
    pages: new Map()
  } satisfies WholeSummary
})

// A plain function, not `Effect.fn`: this runs on every read of the page, and `Effect.fn`
// makes an Error (for its call site) and a span per call, a measurable share of the route.
const keptSummary = (clusterId: string) =>
  Effect.gen(function* () {
    let entry = kept.get(clusterId)
    if (!entry || Date.now() - entry.at >= SUMMARY_TTL_MS) {
      const context = yield* Effect.context<Db | KubeClients>()
      const made = { at: Date.now(), summary: Effect.runPromiseExitWith(context)(computeSummary(clusterId)) }
      kept.set(clusterId, made)
      // A failure (no such cluster, database down) is not kept: the next reader tries again.
      void made.summary.then((exit) => {
        if (Exit.isFailure(exit) && kept.get(clusterId) === made) kept.delete(clusterId)
      })
      entry = made
    }
    const summary = entry.summary
    return yield* yield* Effect.promise(() => summary)
  })

/**
 * A cluster's quotas for admins: the sum of every priority of every tenant beside the
 * cluster's capacity, and a page of the tenants (those matching `search`) with their
 * priorities. A page, not every row: a cluster shared by hundreds of tenants would otherwise
 * send hundreds of rows to a screen that shows a few.
 */
export const quotaSummary = (
  clusterId: string,
  page: { search?: string | undefined; limit?: number | undefined; offset?: number | undefined } = {}
) =>
  Effect.gen(function* () {
    yield* requireRole("admin")
    const whole = yield* keptSummary(clusterId)
    const search = page.search?.trim() ?? ""
    const limit = page.limit ?? SUMMARY_PAGE
    const offset = page.offset ?? 0
    const key = `${limit}/${offset}/${search}`
    const found = whole.pages.get(key)
    if (found) return found
    const matching = whole.tenants.filter((t) => matches(search, t.tenant.name, t.tenant.id))
    const made = deepFreeze({
      clusterId: whole.clusterId,
      clusterName: whole.clusterName,
      rows: matching.slice(offset, offset + limit).flatMap((t) => t.rows),
      tenants: matching.length,
      priorities: whole.priorities,
      total: whole.total,
      capacity: whole.capacity,
      overcommitted: whole.overcommitted
    } satisfies QuotaSummary)
    // Searches differ; the pages kept for one second are bounded all the same.
    if (whole.pages.size < KEPT_PAGES) whole.pages.set(key, made)
    return made
  }).pipe(noDb)
