/**
 * @module Who may see, use and change an instance. A user sees and changes the instances of
 * the tenants they may use (admins: all); another tenant's instance is absent (404) unless it
 * is visible to all tenants — then it may be seen and used as a dependency, never changed.
 */
import { Forbidden, hasRole, NotFound, requireViewer, type Unavailable } from "@wharf/core"
import { Tenants } from "@wharf/plugin-tenants/shared"
import { Effect } from "effect"
import { sayer } from "./say"
import { type InstanceRow, instanceByName } from "./store"

/** The tenants the viewer may use, or null for an admin (every tenant). */
export const usableTenants: Effect.Effect<
  ReadonlySet<string> | null,
  Unavailable | import("@wharf/core").Unauthorized,
  Tenants
> = Effect.gen(function* () {
  const viewer = yield* requireViewer
  if (hasRole(viewer, "admin")) return null
  const tenants = yield* (yield* Tenants).usableBy(viewer)
  return new Set(tenants.map((t) => t.id))
})

export const mayChange = (tenants: ReadonlySet<string> | null, row: InstanceRow) =>
  tenants === null || tenants.has(row.tenantId)

export const maySee = (tenants: ReadonlySet<string> | null, row: InstanceRow) =>
  mayChange(tenants, row) || row.visibility === "all"

const absent = (name: string) =>
  Effect.gen(function* () {
    const say = yield* sayer
    return yield* new NotFound({
      message: say(`没有名为 ${name} 的应用实例`, `No app instance named ${name}`)
    })
  })

/** The instance if the viewer may see it; `canChange` says whether they may change it too. */
export const seeInstance = (name: string) =>
  Effect.gen(function* () {
    const tenants = yield* usableTenants
    const row = yield* instanceByName(name)
    if (!row || !maySee(tenants, row)) return yield* absent(name)
    return { row, canChange: mayChange(tenants, row), tenants }
  })

/** The instance if the viewer may change it (a visible-to-all one of another tenant: Forbidden). */
export const changeInstance = (name: string) =>
  Effect.gen(function* () {
    const seen = yield* seeInstance(name)
    if (!seen.canChange) {
      const say = yield* sayer
      return yield* new Forbidden({
        message: say(
          `${name} 属于租户 ${seen.row.tenantId}，对所有租户可见，但只能作为依赖使用，不能修改或删除`,
          `${name} belongs to tenant ${seen.row.tenantId}; it is visible to all tenants as a dependency, but only its tenant may change or delete it`
        )
      })
    }
    return seen
  })
