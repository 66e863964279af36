/**
 * @module From an install request (an app, its settings, a choice per dependency) to the
 * instances to create, dependencies first. Each dependency is a new instance (configured in
 * the same request, recursively), an existing one, or — when optional — none. A dependency
 * cycle is refused, and every problem names where in the request it is.
 */
import type { AppDefinition } from "./definition"
import { instanceNameProblem } from "./names"
import { resolveValues, type Values } from "./values"

export type PlanChoice =
  | {
      readonly kind: "new"
      readonly name?: string | undefined
      readonly values?: Readonly<Record<string, unknown>> | undefined
      readonly dependencies?: Readonly<Record<string, PlanChoice>> | undefined
    }
  | { readonly kind: "existing"; readonly instance: string }
  | { readonly kind: "none" }

export interface PlanRequest {
  readonly app: string
  readonly name?: string | undefined
  readonly values?: Readonly<Record<string, unknown>> | undefined
  readonly dependencies?: Readonly<Record<string, PlanChoice>> | undefined
}

export type PlannedBinding =
  | { readonly kind: "new"; readonly key: string }
  | { readonly kind: "existing"; readonly instance: string }
  | null

export interface PlannedInstance {
  /** Where it is in the request: "inceptor", "inceptor/metastore", "inceptor/metastore/mysql". */
  readonly key: string
  readonly definition: AppDefinition
  readonly name: string
  readonly values: Values
  readonly bindings: Readonly<Record<string, PlannedBinding>>
}

export interface PlanProblem {
  /** The request field, e.g. "dependencies.metastore.values.mysql.memory". */
  readonly path: string
  readonly message: string
}

export interface PlanContext {
  readonly definition: (app: string) => AppDefinition | undefined
  /** Why this existing instance cannot serve as `app` for the tenant, or null when it can. */
  readonly existingProblem: (app: string, instance: string) => string | null
  /** Why a new instance may not take this name (e.g. taken), or null. */
  readonly nameProblem: (name: string) => string | null
  /** A fresh name for a new instance of `app`, when the request gives none. */
  readonly generateName: (app: string) => string
  /** Words in the reader's language (zh-CN, en); English when not given. */
  readonly say?: ((zh: string, en: string) => string) | undefined
}

export type PlanResult =
  | { readonly ok: true; readonly instances: ReadonlyArray<PlannedInstance> }
  | { readonly ok: false; readonly problems: ReadonlyArray<PlanProblem> }

export const resolvePlan = (request: PlanRequest, ctx: PlanContext): PlanResult => {
  const instances: PlannedInstance[] = []
  const problems: PlanProblem[] = []
  const names = new Map<string, string>()

  const visit = (
    app: string,
    choice: Extract<PlanChoice, { kind: "new" }>,
    key: string,
    path: string,
    ancestors: ReadonlyArray<string>
  ): void => {
    const at = (field: string) => (path === "" ? field : `${path}.${field}`)
    if (ancestors.includes(app)) {
      const loop = [...ancestors, app].join(" → ")
      const say = ctx.say ?? ((_zh: string, en: string) => en)
      problems.push({
        path: path || "app",
        message: say(
          `依赖形成循环，无法安装：${loop}`,
          `dependency cycle: ${loop} (each needs the other, so none can start first)`
        )
      })
      return
    }
    const definition = ctx.definition(app)
    if (!definition) {
      problems.push({ path: path || "app", message: `no app "${app}" in the catalog` })
      return
    }
    const bindings: Record<string, PlannedBinding> = {}
    const given = choice.dependencies ?? {}
    for (const unknown of Object.keys(given))
      if (!definition.dependencies.some((d) => d.app === unknown))
        problems.push({
          path: at(`dependencies.${unknown}`),
          message: `${definition.title} does not depend on "${unknown}"`
        })
    for (const dep of definition.dependencies) {
      const depPath = at(`dependencies.${dep.app}`)
      const depChoice: PlanChoice = given[dep.app] ?? { kind: "new" }
      if (depChoice.kind === "none") {
        if (dep.required)
          problems.push({ path: depPath, message: `${definition.title} cannot run without ${dep.app}` })
        bindings[dep.app] = null
      } else if (depChoice.kind === "existing") {
        const problem = ctx.existingProblem(dep.app, depChoice.instance)
        if (problem) problems.push({ path: depPath, message: problem })
        bindings[dep.app] = { kind: "existing", instance: depChoice.instance }
      } else {
        const depKey = `${key}/${dep.app}`
        bindings[dep.app] = { kind: "new", key: depKey }
        visit(dep.app, depChoice, depKey, depPath, [...ancestors, app])
      }
    }
    const resolved = resolveValues(definition, choice.values ?? {})
    for (const p of resolved.problems) problems.push({ path: at(`values.${p.field}`), message: p.message })
    const name = choice.name?.trim() ? choice.name.trim() : ctx.generateName(definition.name)
    const nameProblem = instanceNameProblem(name) ?? ctx.nameProblem(name)
    if (nameProblem) problems.push({ path: at("name"), message: nameProblem })
    const twice = names.get(name)
    if (twice !== undefined)
      problems.push({ path: at("name"), message: `"${name}" is also the name of the new ${twice} instance` })
    names.set(name, definition.name)
    instances.push({ key, definition, name, values: resolved.values, bindings })
  }

  visit(request.app, { kind: "new", ...request }, request.app, "", [])
  return problems.length > 0 ? { ok: false, problems } : { ok: true, instances }
}
