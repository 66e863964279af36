/**
 * @module Tenants: a user's own (`u-…`) and their groups' (`g-…`). Who may use which is
 * the one rule here: a user their own and their groups'; admins every tenant. Another's
 * tenant is "not found".
 */
import { CurrentViewer, hasRole, NotFound, requireViewer, type Viewer } from "@wharf/core"
import { Effect } from "effect"
import type { TenantRef, TenantSummary, TenantUser } from "../shared/types"
import { type DirectoryLike, directory } from "./directory"
import { allTenants, ensureTenant, tenantById, tenantsBySubjects } from "./store"
import { noDb } from "./unavailable"

/** The tenants `viewer` may use, created on first use: their own first, then their groups' by name. */
export const usableBy = Effect.fn("Tenants.usableBy")(function* (viewer: Viewer) {
  const own = yield* ensureTenant("user", viewer.id, viewer.email)
  const groups = [...viewer.groups].sort((a, b) => a.name.localeCompare(b.name))
  const theirs = yield* Effect.forEach(groups, (g) => ensureTenant("group", g.id, g.name))
  return [own, ...theirs] as ReadonlyArray<TenantRef>
})

export const mayUse = (viewer: Viewer, tenant: { kind: string }, subjectId: string) =>
  hasRole(viewer, "admin") ||
  (tenant.kind === "user" ? subjectId === viewer.id : viewer.groups.some((g) => g.id === subjectId))

/** A tenant the current viewer may use; anyone else's (or none) is `NotFound`. */
export const visibleTenant = Effect.fn("Tenants.visible")(function* (tenantId: string) {
  const viewer = yield* requireViewer
  const found = yield* tenantById(tenantId)
  if (!found || !mayUse(viewer, found.ref, found.subjectId))
    return yield* new NotFound({ message: `No tenant ${tenantId}` })
  return found
})

/** For services called by other plugins: checks the viewer when there is one (jobs have none). */
export const tenantForCaller = Effect.fn("Tenants.forCaller")(function* (tenantId: string) {
  const viewer = yield* CurrentViewer
  // A viewer's own tenants exist from their first use; this may be it.
  if (viewer) yield* usableBy(viewer)
  const found = yield* tenantById(tenantId)
  if (!found || (viewer && !mayUse(viewer, found.ref, found.subjectId)))
    return yield* new NotFound({ message: `No tenant ${tenantId}` })
  return found
})

const matches = (search: string | undefined, ...texts: ReadonlyArray<string | null>) => {
  const q = search?.trim().toLowerCase() ?? ""
  return q === "" || texts.some((t) => t?.toLowerCase().includes(q))
}

const summarize = (dir: DirectoryLike, ref: TenantRef, subjectId: string) =>
  Effect.gen(function* () {
    if (ref.kind === "user") {
      const user = yield* dir.userById(subjectId)
      return { ...ref, adminEmail: user?.email ?? ref.name, userCount: 1, description: user?.name ?? "" }
    }
    const group = yield* dir.groupById(subjectId)
    const admins = yield* dir.membersOf(subjectId, { limit: 500 })
    const admin = admins.items.find((m) => m.role === "admin") ?? null
    return {
      ...ref,
      adminEmail: admin?.user.email ?? null,
      userCount: admins.total,
      description: group?.description ?? ""
    } satisfies TenantSummary
  })

/** The tenants the viewer may use (admins: every tenant Wharf knows), searched by name. */
export const listTenants = Effect.fn("Tenants.list")(function* (search: string | undefined) {
  const viewer = yield* requireViewer
  const dir = yield* directory
  yield* usableBy(viewer)
  const known = hasRole(viewer, "admin")
    ? yield* allTenants
    : yield* tenantsBySubjects([viewer.id, ...viewer.groups.map((g) => g.id)])
  const chosen = known.filter((t) => matches(search, t.ref.name, t.ref.id))
  const items = yield* Effect.forEach(chosen, (t) => summarize(dir, t.ref, t.subjectId), { concurrency: 8 })
  return items.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "user" ? -1 : 1))
}, noDb)

/** A tenant with its users (searched by email or name). */
export const tenantDetail = Effect.fn("Tenants.detail")(function* (tenantId: string, search?: string) {
  const found = yield* visibleTenant(tenantId)
  const dir = yield* directory
  const summary = yield* summarize(dir, found.ref, found.subjectId)
  let users: TenantUser[]
  if (found.ref.kind === "user") {
    const u = yield* dir.userById(found.subjectId)
    users =
      u && matches(search, u.email, u.name) ? [{ id: u.id, email: u.email, name: u.name, role: "admin" }] : []
  } else {
    const page = yield* dir.membersOf(found.subjectId, { search, limit: 200 })
    users = page.items.map((m) => ({ id: m.user.id, email: m.user.email, name: m.user.name, role: m.role }))
  }
  return { tenant: summary, users }
}, noDb)
