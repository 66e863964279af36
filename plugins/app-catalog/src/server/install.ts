/**
 * @module Installing: the draft (the same one the preview shows) checked against the quota,
 * then every new instance and its bindings written in one transaction, with the
 * Idempotency-Key, so a retry with the same key answers with the same instances and a crash
 * before the commit leaves nothing. The reconciler takes over once it commits.
 */
import { conflictOnDuplicate, Db, Forbidden, Invalid, requireViewer } from "@wharf/core"
import { Effect } from "effect"
import type { InstallRequest, InstallResult } from "../shared/instances"
import { draftInstall, quotaRefusals } from "./draft"
import { Reconciler } from "./reconciler"
import { sayer } from "./say"
import { type InstanceRow, insertBinding, insertInstallKey, insertInstance, installByKey } from "./store"
import { instanceViews } from "./views"

const MAX_KEY = 200

const replay = (userId: string, key: string) =>
  Effect.gen(function* () {
    const found = yield* installByKey(userId, key)
    if (!found) return undefined
    const views = yield* instanceViews({ ids: found.createdIds })
    const instance = views.find((v) => v.id === found.instanceId)
    if (!instance) return undefined
    // In the order they were created (dependencies first), as the first answer had them.
    const created = found.createdIds.flatMap((id) => views.filter((v) => v.id === id))
    return { instance, created, replayed: true } satisfies InstallResult
  })

export const install = (request: InstallRequest, idempotencyKey: string | undefined) =>
  Effect.gen(function* () {
    const say = yield* sayer
    const viewer = yield* requireViewer
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_KEY))
      return yield* new Invalid({
        message: say(
          `Idempotency-Key 须为 1 到 ${MAX_KEY} 个字符`,
          `Idempotency-Key must be 1 to ${MAX_KEY} characters`
        )
      })
    if (idempotencyKey) {
      const again = yield* replay(viewer.id, idempotencyKey)
      if (again) return again
    }
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
          if (idempotencyKey)
            yield* insertInstallKey(
              viewer.id,
              idempotencyKey,
              main.id,
              created.map((r) => r.id)
            )
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
        ),
        // Two retries with one key racing: the loser answers with what the winner wrote.
        Effect.catchTag("Conflict", (e) =>
          idempotencyKey
            ? Effect.flatMap(replay(viewer.id, idempotencyKey), (r) =>
                r ? Effect.succeed(r) : Effect.fail(e)
              )
            : Effect.fail(e)
        )
      )
    if ("replayed" in written) return written
    const views = yield* instanceViews({ ids: written.created.map((r) => r.id) })
    return {
      instance: views.find((v) => v.id === written.main.id)!,
      created: written.created.map((r) => views.find((v) => v.id === r.id)!),
      replayed: false
    } satisfies InstallResult
  })
