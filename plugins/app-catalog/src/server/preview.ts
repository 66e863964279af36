/**
 * @module 安装预览: every setting of every instance an install creates, and the exact objects
 * the cluster would store, from a server-side apply with dryRun=All, so admission and quota
 * errors show before anything is created. For a change, each object's diff against what runs.
 */
import { Invalid, Unavailable } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { createTwoFilesPatch } from "diff"
import { Effect } from "effect"
import type {
  InstallRequest,
  PlannedSettings,
  Preview,
  PreviewObject,
  UpdateRequest
} from "../shared/instances"
import type { KubeObject } from "../shared/render"
import { resolveValues } from "../shared/values"
import { changeInstance } from "./access"
import { definitionOf, demandOf, renderRow, toYaml } from "./desired"
import { type Draft, draftInstall, quotaRefusals } from "./draft"
import { dryRunAll, keyOf, listOwned } from "./kube"
import { sayer } from "./say"

const clusterDown = (clusterName: string) => (e: unknown) =>
  new Unavailable({
    message: `Cluster ${clusterName} did not answer: ${e instanceof Error ? e.message : String(e)}`
  })

export const settingsOf = (draft: Draft): PlannedSettings[] =>
  draft.instances.map((i) => ({
    key: i.planned.key,
    app: i.planned.definition.name,
    title: i.planned.definition.title,
    version: i.planned.definition.version,
    name: i.planned.name,
    tenant: draft.tenant.id,
    cluster: draft.cluster.id,
    namespace: draft.namespace,
    visibility: i.visibility,
    values: i.planned.values,
    dependencies: Object.entries(i.bound).map(([app, b]) => ({
      app,
      kind: b === null ? "none" : b.kind,
      instance: b?.name ?? null
    })),
    request: i.demand
  }))

/** The objects through the cluster's admission; a refusal names the object and says why. */
const dryRun = (
  clusterId: string,
  clusterName: string,
  objects: ReadonlyArray<{ instance: string; object: KubeObject }>
) =>
  Effect.gen(function* () {
    const kc = yield* (yield* KubeClients).config(clusterId)
    const result = yield* Effect.tryPromise({
      try: () =>
        dryRunAll(
          kc,
          objects.map((o) => o.object)
        ),
      catch: clusterDown(clusterName)
    })
    const instanceOf = new Map(objects.map((o) => [o.object, o.instance]))
    return {
      applied: result.applied.map((a) => ({ instance: instanceOf.get(a.object)!, ...a })),
      refusals: result.refused.map((r) => ({
        path: `objects.${r.object.kind}/${r.object.metadata.name}`,
        message: r.message
      }))
    }
  })

export const previewInstall = (request: InstallRequest) =>
  Effect.gen(function* () {
    const draft = yield* draftInstall(request)
    if (draft.refusals.length > 0)
      return { settings: [], objects: [], refusals: draft.refusals } satisfies Preview
    const quota = yield* quotaRefusals(
      draft.tenant.id,
      draft.cluster.id,
      draft.instances.map((i) => i.demand)
    )
    const run = yield* dryRun(
      draft.cluster.id,
      draft.cluster.name,
      draft.instances.flatMap((i) => i.objects.map((object) => ({ instance: i.planned.name, object })))
    )
    const objects: PreviewObject[] = run.applied.map((a) => ({
      instance: a.instance,
      kind: a.object.kind,
      name: a.object.metadata.name,
      namespace: draft.namespace,
      yaml: toYaml(a.result)
    }))
    const refusals = [...quota, ...run.refusals]
    return {
      settings: settingsOf(draft),
      objects,
      ...(refusals.length > 0 ? { refusals } : {})
    } satisfies Preview
  })

/** An installed instance's new complete values, merged over what it has; problems name the field. */
export const nextValues = (app: string, current: Record<string, unknown>, given: Record<string, unknown>) =>
  Effect.gen(function* () {
    const entry = yield* definitionOf(app)
    const { values, problems } = resolveValues(entry.definition, { ...current, ...given })
    if (problems.length > 0) {
      const say = yield* sayer
      return yield* new Invalid({
        message:
          say("配置有误：", "Settings are not valid: ") +
          problems.map((p) => `${p.field}: ${p.message}`).join("; "),
        issues: problems.map((p) => ({ path: `values.${p.field}`, message: p.message }))
      })
    }
    return { values, definition: entry.definition }
  })

/** A change's preview: the new objects dry-run, each with its diff against what runs now. */
export const previewUpdate = (request: UpdateRequest) =>
  Effect.gen(function* () {
    const { row } = yield* changeInstance(request.name)
    const { values, definition } = yield* nextValues(row.app, row.values, request.values)
    const clusterName = row.clusterId
    const rendered = yield* renderRow(row, values)
    const run = yield* dryRun(
      row.clusterId,
      clusterName,
      rendered.map((object) => ({ instance: row.name, object }))
    )
    const kc = yield* (yield* KubeClients).config(row.clusterId)
    const live = yield* Effect.tryPromise({
      try: () => listOwned(kc, row.namespace, row.name),
      catch: clusterDown(clusterName)
    })
    const liveByKey = new Map(live.map((o) => [keyOf(o), o]))
    const objects: PreviewObject[] = run.applied.map((a) => {
      const now = liveByKey.get(keyOf(a.object))
      const yaml = toYaml(a.result)
      const before = now ? toYaml(now) : ""
      const change = !now ? "create" : before === yaml ? "unchanged" : "update"
      return {
        instance: row.name,
        kind: a.object.kind,
        name: a.object.metadata.name,
        namespace: row.namespace,
        yaml,
        change,
        ...(change === "unchanged"
          ? {}
          : { diff: createTwoFilesPatch(keyOf(a.object), keyOf(a.object), before, yaml) })
      }
    })
    const kept = new Set(rendered.map(keyOf))
    for (const o of live)
      if (!kept.has(keyOf(o)) && o.kind !== "PersistentVolumeClaim") {
        const yaml = toYaml(o)
        objects.push({
          instance: row.name,
          kind: o.kind,
          name: o.metadata?.name ?? "",
          namespace: row.namespace,
          yaml,
          change: "delete",
          diff: createTwoFilesPatch(keyOf(o), keyOf(o), yaml, "")
        })
      }
    // Only what grows is checked against the quota: the rest is already counted as used.
    const before = demandOf(definition, row.values)
    const after = demandOf(definition, values)
    const growth = {
      priority: after.priority,
      cpu: after.priority === before.priority ? Math.max(0, after.cpu - before.cpu) : after.cpu,
      memory: after.priority === before.priority ? Math.max(0, after.memory - before.memory) : after.memory,
      storage: Math.max(0, after.storage - before.storage),
      network:
        after.priority === before.priority ? Math.max(0, after.network - before.network) : after.network
    }
    const quota = yield* quotaRefusals(row.tenantId, row.clusterId, [growth])
    const refusals = [...quota, ...run.refusals]
    return {
      settings: [],
      objects,
      ...(refusals.length > 0 ? { refusals } : {})
    } satisfies Preview
  })
