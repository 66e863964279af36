/**
 * @module Changing an installed instance: new settings (a new generation, rolled out and
 * pruned by the reconciler), replicas per role by hand (CAT-7), and deleting — refused while
 * other instances depend on it (naming them) unless the cascade is confirmed, which lists
 * everything removed; data volumes kept unless asked.
 */
import { Conflict, Db, Forbidden, Invalid } from "@wharf/core"
import { Effect } from "effect"
import type { DeleteRequest, DeleteResult, ScaleRequest, UpdateRequest } from "../shared/instances"
import { changeInstance, mayChange, usableTenants } from "./access"
import { definitionOf, demandOf } from "./desired"
import { quotaRefusals } from "./draft"
import { nextValues } from "./preview"
import { Reconciler } from "./reconciler"
import { sayer } from "./say"
import { dependentsOf, type InstanceRow, markDeleting, selectInstances, updateValues } from "./store"
import { getInstance } from "./views"

const growth = (before: ReturnType<typeof demandOf>, after: ReturnType<typeof demandOf>) =>
  after.priority === before.priority
    ? {
        priority: after.priority,
        cpu: Math.max(0, after.cpu - before.cpu),
        memory: Math.max(0, after.memory - before.memory),
        storage: Math.max(0, after.storage - before.storage),
        network: Math.max(0, after.network - before.network)
      }
    : { ...after, storage: Math.max(0, after.storage - before.storage) }

/** Write a new generation once the quota takes what it adds. */
const rollOut = (row: InstanceRow, values: Record<string, unknown>) =>
  Effect.gen(function* () {
    const { definition } = yield* definitionOf(row.app)
    const more = growth(demandOf(definition, row.values), demandOf(definition, values as never))
    const refusals = yield* quotaRefusals(row.tenantId, row.clusterId, [more])
    if (refusals.length > 0)
      return yield* new Forbidden({ message: refusals.map((r) => r.message).join("; ") })
    const db = yield* Db
    const reconciler = yield* Reconciler
    yield* db.transaction(
      Effect.gen(function* () {
        yield* updateValues(row.id, values as never)
        yield* reconciler.trigger(row.clusterId, [row.name])
      })
    )
    return yield* getInstance(row.name)
  })

const notWhileDeleting = (row: InstanceRow) =>
  Effect.gen(function* () {
    if (row.status !== "deleting") return
    const say = yield* sayer
    return yield* new Conflict({ message: say(`${row.name} 正在删除`, `${row.name} is being deleted`) })
  })

export const updateInstance = (request: UpdateRequest) =>
  Effect.gen(function* () {
    const { row } = yield* changeInstance(request.name)
    yield* notWhileDeleting(row)
    const { values } = yield* nextValues(row.app, row.values, request.values)
    return yield* rollOut(row, values)
  })

export const scaleInstance = (request: ScaleRequest) =>
  Effect.gen(function* () {
    const say = yield* sayer
    const { row } = yield* changeInstance(request.name)
    yield* notWhileDeleting(row)
    const { definition } = yield* definitionOf(row.app)
    const issues: Array<{ path: string; message: string }> = []
    const values: Record<string, unknown> = { ...row.values }
    for (const [role, n] of Object.entries(request.replicas)) {
      if (!definition.roles.some((r) => r.name === role))
        issues.push({
          path: `replicas.${role}`,
          message: say(
            `${definition.title} 没有角色 ${role}（有：${definition.roles.map((r) => r.name).join("、")}）`,
            `${definition.title} has no role ${role} (it has ${definition.roles.map((r) => r.name).join(", ")})`
          )
        })
      else if (!Number.isInteger(n) || n < 0 || n > 1000)
        issues.push({
          path: `replicas.${role}`,
          message: say("副本数须为 0 到 1000 的整数", "Replicas must be a whole number from 0 to 1000")
        })
      // The renderer reads `<role>.replicas` whether or not the wizard shows it as a field.
      else values[`${role}.replicas`] = n
    }
    if (issues.length > 0)
      return yield* new Invalid({ message: issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues })
    return yield* rollOut(row, values)
  })

/** The instance and, with `cascade`, everything depending on it (transitively), dependents first. */
const closure = (root: InstanceRow) =>
  Effect.gen(function* () {
    const order: InstanceRow[] = []
    const seen = new Set<string>([root.id])
    let frontier = [root]
    while (frontier.length > 0) {
      const deps = yield* dependentsOf(frontier.map((r) => r.id))
      const ids = [...new Set(deps.map((d) => d.instanceId))].filter((id) => !seen.has(id))
      for (const id of ids) seen.add(id)
      frontier = ids.length > 0 ? yield* selectInstances({ ids }) : []
      order.push(...frontier)
    }
    return [...order.reverse(), root]
  })

export const deleteInstance = (request: DeleteRequest) =>
  Effect.gen(function* () {
    const say = yield* sayer
    const { row } = yield* changeInstance(request.name)
    const all = yield* closure(row)
    const dependents = all.filter((r) => r.id !== row.id)
    if (dependents.length > 0 && !request.cascade) {
      const names = dependents.map((d) => d.name)
      return yield* new Conflict({
        message: say(
          `${row.name} 仍被 ${names.join("、")} 依赖；先删除它们，或确认级联删除`,
          `${row.name} is still used by ${names.join(", ")}; delete those first or confirm a cascade`
        )
      })
    }
    // A cascade must not reach into what the viewer may not change (a visible-to-all app used by another tenant).
    const tenants = yield* usableTenants
    const foreign = dependents.filter((d) => !mayChange(tenants, d))
    if (foreign.length > 0)
      return yield* new Forbidden({
        message: say(
          `${row.name} 被其他租户的 ${foreign.map((f) => f.name).join("、")} 依赖，无法删除`,
          `${row.name} is used by ${foreign.map((f) => f.name).join(", ")} of other tenants and cannot be deleted`
        )
      })
    const result = { removed: all.map((r) => r.name), volumesDeleted: request.deleteVolumes === true }
    if (request.dryRun) return result satisfies DeleteResult
    const db = yield* Db
    const reconciler = yield* Reconciler
    yield* db.transaction(
      Effect.gen(function* () {
        yield* markDeleting(
          all.map((r) => r.id),
          request.deleteVolumes === true
        )
        yield* reconciler.trigger(
          row.clusterId,
          all.map((r) => r.name)
        )
      })
    )
    return result satisfies DeleteResult
  })
