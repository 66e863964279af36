/**
 * @module Installing: the draft (the same one the preview shows) checked against the quota,
 * then every new instance and its bindings written in one transaction with the
 * Idempotency-Key (core's `idempotent`), so a retry with the same key answers with the same
 * instances and a crash before the commit leaves nothing. The reconciler takes over once it
 * commits.
 */
import {
  conflictOnDuplicate,
  Db,
  Forbidden,
  Invalid,
  idempotent,
  NotFound,
  type Remember,
  requireViewer
} from "@wharf/core"
import { Effect } from "effect"
import type { InstallRequest, InstallResult } from "../shared/instances"
import { draftInstall, quotaRefusals } from "./draft"
import { Reconciler } from "./reconciler"
import { sayer } from "./say"
import { type InstanceRow, insertBinding, insertInstance } from "./store"
import { instanceViews } from "./views"

/** What a retry needs: the instance asked for and every one created, dependencies first. */
interface Installed {
  readonly instanceId: string
  readonly createdIds: ReadonlyArray<string>
}

const replay = (answer: Installed) =>
  Effect.gen(function* () {
    const views = yield* instanceViews({ ids: [...answer.createdIds] })
    const instance = views.find((v) => v.id === answer.instanceId)
    if (!instance) {
      const say = yield* sayer
      return yield* new NotFound({
        message: say("这次安装的应用已被删除", "The apps this install created have been deleted")
      })
    }
    // In the order they were created (dependencies first), as the first answer had them.
    const created = answer.createdIds.flatMap((id) => views.filter((v) => v.id === id))
    const result: InstallResult = { instance, created, replayed: true }
    return result
  })

export const install = (request: InstallRequest, idempotencyKey: string | undefined) =>
  Effect.gen(function* () {
    const viewer = yield* requireViewer
    const once = idempotent(
      { scope: "app-catalog.install", owner: `user:${viewer.id}`, key: idempotencyKey, request },
      (remember) => installOnce(request, remember),
      replay
    )
    // Two attempts with one key racing: the loser's names clash before its key does; asked
    // again, it finds the winner's key and answers as a retry.
    return yield* idempotencyKey === undefined ? once : once.pipe(Effect.catchTag("Conflict", () => once))
  })

const installOnce = (request: InstallRequest, remember: Remember<Installed>) =>
  Effect.gen(function* () {
    const say = yield* sayer
    const viewer = yield* requireViewer
    const draft = yield* draftInstall(request)
    if (draft.refusals.length > 0)
      return yield* new Invalid({
        message: draft.refusals.map((r) => `${r.path}: ${r.message}`).join("; "),
        issues: draft.refusals.map((r) => ({ path: r.path, message: r.message }))
      })
    const quota = yield* quotaRefusals(
      draft.tenant.id,
      draft.cluster.id,
      draft.instances.map((i) => i.demand)
    )
    if (quota.length > 0) return yield* new Forbidden({ message: quota.map((r) => r.message).join("; ") })

    const db = yield* Db
    const reconciler = yield* Reconciler
    const written = yield* db
      .transaction(
        Effect.gen(function* () {
          const rows = new Map<string, InstanceRow>()
          for (const i of draft.instances) {
            const row = yield* insertInstance({
              name: i.planned.name,
              app: i.planned.definition.name,
              version: i.planned.definition.version,
              tenantId: draft.tenant.id,
              clusterId: draft.cluster.id,
              namespace: draft.namespace,
              visibility: i.visibility,
              values: { ...i.planned.values },
              secrets: i.secrets,
              createdBy: viewer.id
            })
            rows.set(i.planned.name, row)
            for (const [app, b] of Object.entries(i.bound)) {
              const boundId =
                b === null ? null : ((rows.get(b.name) ?? draft.existing.get(b.name))?.id ?? null)
              yield* insertBinding(row.id, app, boundId)
            }
          }
          const created = [...rows.values()]
          const main = created[created.length - 1]!
          yield* remember({ instanceId: main.id, createdIds: created.map((r) => r.id) })
          yield* reconciler.trigger(
            draft.cluster.id,
            created.map((r) => r.name)
          )
          return { main, created }
        })
      )
      .pipe(
        conflictOnDuplicate(
          say(
            "名称已被占用（可能刚被另一个安装使用），请换一个名称",
            "A name was just taken (perhaps by another install); choose another"
          )
        )
      )
    const views = yield* instanceViews({ ids: written.created.map((r) => r.id) })
    const result: InstallResult = {
      instance: views.find((v) => v.id === written.main.id)!,
      created: written.created.map((r) => views.find((v) => v.id === r.id)!),
      replayed: false
    }
    return result
  })
