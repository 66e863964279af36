/**
 * @module An install request made concrete: the tenant and cluster checked, each dependency
 * resolved (new, an existing instance the tenant may use on that cluster, or none), names
 * generated and checked unique, every new instance rendered with its dependencies' exports,
 * and what it asks of the quota. Shared by the preview and the install, so both agree.
 */

import { NotFound } from "@wharf/core"
import { type ClusterRef, KubeClients } from "@wharf/plugin-clusters/shared"
import type { TenantRef } from "@wharf/plugin-tenants/shared"
import { Quotas, Tenants } from "@wharf/plugin-tenants/shared"
import { Effect } from "effect"
import type { AppDefinition } from "../shared/definition"
import type {
  DependencyChoice,
  InstallRequest,
  InstanceRequest,
  Refusal,
  Visibility
} from "../shared/instances"
import { generateInstanceName } from "../shared/names"
import { type PlanChoice, type PlannedInstance, type PlanRequest, resolvePlan } from "../shared/plan"
import { exportsOf, type KubeObject } from "../shared/render"
import { AppCatalog } from "../shared/service"
import type { Binding } from "../shared/template"
import { bindingsFor, byPriority, type Demand, demandOf, generateSecrets, renderInstance } from "./desired"
import { sayer } from "./say"
import { type InstanceRow, passwordsOf, selectInstances } from "./store"

export interface DraftInstance {
  readonly planned: PlannedInstance
  readonly visibility: Visibility
  readonly secrets: Record<string, string>
  readonly objects: ReadonlyArray<KubeObject>
  readonly demand: Demand
  /** By dependency app: the instance bound (a new one's name, or an existing one's) or null. */
  readonly bound: Record<string, { kind: "new" | "existing"; name: string } | null>
}

export interface Draft {
  readonly tenant: TenantRef
  readonly cluster: ClusterRef
  readonly namespace: string
  /** Dependencies first, the instance asked for last. */
  readonly instances: ReadonlyArray<DraftInstance>
  readonly existing: ReadonlyMap<string, InstanceRow>
  readonly refusals: ReadonlyArray<Refusal>
}

/** The wire request as the planner reads it (`new` carries its request inline there). */
const toPlan = (choice: DependencyChoice): PlanChoice =>
  choice.kind === "new"
    ? {
        kind: "new",
        name: choice.request.name,
        values: choice.request.values,
        dependencies: mapDeps(choice.request.dependencies)
      }
    : choice

const mapDeps = (deps: InstanceRequest["dependencies"]) =>
  deps ? Object.fromEntries(Object.entries(deps).map(([app, c]) => [app, toPlan(c)])) : undefined

/** Every instance request in the tree, with its planner key ("inceptor/metastore"). */
const walk = (
  app: string,
  request: InstanceRequest,
  key: string,
  visit: (key: string, request: InstanceRequest) => void,
  existing: (name: string) => void
) => {
  visit(key, request)
  for (const [dep, choice] of Object.entries(request.dependencies ?? {})) {
    if (choice.kind === "new") walk(dep, choice.request, `${key}/${dep}`, visit, existing)
    else if (choice.kind === "existing") existing(choice.instance)
  }
  void app
}

/** The cluster by id, or by name (the CLI's `--cluster default`). */
const findCluster = (idOrName: string) =>
  Effect.gen(function* () {
    const say = yield* sayer
    const clusters = yield* (yield* KubeClients).clusters
    const cluster = clusters.find((c) => c.id === idOrName) ?? clusters.find((c) => c.name === idOrName)
    if (!cluster)
      return yield* new NotFound({ message: say(`没有集群 ${idOrName}`, `No cluster ${idOrName}`) })
    return cluster
  })

export const draftInstall = (request: InstallRequest) =>
  Effect.gen(function* () {
    const say = yield* sayer
    const tenant = yield* (yield* Tenants).get(request.tenant)
    const cluster = yield* findCluster(request.cluster)
    const namespace = (yield* Tenants).namespaceOf(tenant.id)
    const catalog = yield* AppCatalog

    const visibility = new Map<string, Visibility>()
    const explicit: string[] = []
    const referenced: string[] = []
    walk(
      request.app,
      request,
      request.app,
      (key, r) => {
        visibility.set(key, r.visibility ?? request.visibility ?? "tenant")
        if (r.name?.trim()) explicit.push(r.name.trim())
      },
      (name) => referenced.push(name)
    )
    const known = yield* selectInstances({ names: [...explicit, ...referenced] })
    const existing = new Map(known.map((r) => [r.name, r]))

    const planRequest: PlanRequest = {
      app: request.app,
      name: request.name,
      values: request.values,
      dependencies: mapDeps(request.dependencies)
    }
    const plan = (taken: ReadonlySet<string>) =>
      resolvePlan(planRequest, {
        definition: (app) => catalog.get(app)?.definition,
        existingProblem: (app, name) => {
          const row = existing.get(name)
          // Another tenant's private instance is reported as absent, like everywhere else.
          if (!row || (row.tenantId !== tenant.id && row.visibility !== "all") || row.status === "deleting")
            return say(`没有名为 ${name} 的应用实例可用`, `No app instance named ${name} is available`)
          if (row.app !== app) return say(`${name} 不是 ${app} 实例`, `${name} is not a ${app} instance`)
          if (row.clusterId !== cluster.id)
            return say(
              `${name} 在另一个集群上，依赖必须在集群 ${cluster.name} 上`,
              `${name} runs on another cluster; a dependency must be on ${cluster.name}`
            )
          return null
        },
        nameProblem: (name) =>
          existing.has(name) || taken.has(name)
            ? say(`名称 ${name} 已被占用`, `The name ${name} is taken`)
            : null,
        generateName: (app) => generateInstanceName(app),
        say
      })

    // A generated name may (rarely) be taken: generate again, a few times.
    let result = plan(new Set())
    for (let attempt = 0; attempt < 5 && result.ok; attempt++) {
      const generated = result.instances.map((i) => i.name).filter((n) => !explicit.includes(n))
      const clash = generated.length > 0 ? yield* selectInstances({ names: generated }) : []
      if (clash.length === 0) break
      result = plan(new Set(clash.map((r) => r.name)))
    }
    if (!result.ok)
      return {
        tenant,
        cluster,
        namespace,
        instances: [],
        existing,
        refusals: result.problems.map((p) => ({ path: p.path, message: p.message }))
      } satisfies Draft

    const exportsByKey = new Map<string, Binding>()
    const instances: DraftInstance[] = []
    for (const planned of result.instances) {
      const entry = catalog.get(planned.definition.name)!
      const secrets = generateSecrets(planned.definition.secrets)
      const bindings: Record<string, Binding | null> = {}
      const bound: DraftInstance["bound"] = {}
      for (const [app, b] of Object.entries(planned.bindings)) {
        if (b === null) {
          bindings[app] = null
          bound[app] = null
        } else if (b.kind === "new") {
          bindings[app] = exportsByKey.get(b.key) ?? null
          bound[app] = { kind: "new", name: exportsByKey.get(b.key)?.instance ?? "" }
        } else {
          const row = existing.get(b.instance)!
          bindings[app] = yield* existingBinding(row)
          bound[app] = { kind: "existing", name: row.name }
        }
      }
      const input = {
        definition: planned.definition,
        instance: planned.name,
        namespace,
        values: planned.values,
        secrets,
        bindings
      }
      exportsByKey.set(planned.key, {
        app: planned.definition.name,
        instance: planned.name,
        namespace,
        exports: exportsOf(input)
      })
      instances.push({
        planned,
        visibility: visibility.get(planned.key) ?? "tenant",
        secrets,
        objects: renderInstance(input, entry.hook),
        demand: demandOf(planned.definition, planned.values),
        bound
      })
    }
    return { tenant, cluster, namespace, instances, existing, refusals: [] } satisfies Draft
  })

const existingBinding = (row: InstanceRow) =>
  Effect.gen(function* () {
    const entry = (yield* AppCatalog).get(row.app)!
    return {
      app: row.app,
      instance: row.name,
      namespace: row.namespace,
      exports: exportsOf({
        definition: entry.definition as AppDefinition,
        instance: row.name,
        namespace: row.namespace,
        values: row.values,
        secrets: yield* passwordsOf(row),
        bindings: yield* bindingsFor(row)
      })
    } satisfies Binding
  })

/** `Quotas.check` per priority with everything the draft adds there; each refusal has the numbers. */
export const quotaRefusals = (tenantId: string, clusterId: string, demands: ReadonlyArray<Demand>) =>
  Effect.gen(function* () {
    const quotas = yield* Quotas
    const refusals: Refusal[] = []
    for (const d of byPriority(demands)) {
      const checked = yield* Effect.result(quotas.check(tenantId, clusterId, d.priority, d))
      if (checked._tag === "Failure") {
        if (checked.failure._tag === "Unavailable") return yield* Effect.fail(checked.failure)
        refusals.push({ path: "quota", message: checked.failure.message })
      }
    }
    return refusals
  })
