/**
 * @module What the install wizard holds while the user configures: one draft per instance to
 * create (the app asked for, and each dependency chosen "new", nested under it), keyed by its
 * path in the tree ("inceptor", "inceptor/metastore", "inceptor/metastore/mysql"). Fields keep
 * what was typed, so 返回配置 and 更换集群 lose nothing; the request is made only from values
 * that read well against the definition (the server checks again).
 */
import type { AppDefinition, ConfigField, EnvRows, FieldValue } from "../../shared/definition"
import type { DependencyChoice, InstallRequest, InstanceRequest, Visibility } from "../../shared/instances"
import { instanceNameProblem } from "../../shared/names"
import { readField } from "../../shared/values"

/** As typed: numbers stay text until read, so "1.5" mid-typing or "" is not lost. */
export type RawValue = string | boolean | EnvRows

export type DependencyPick = { kind: "new" } | { kind: "existing"; instance: string } | { kind: "none" }

export interface InstanceDraft {
  readonly app: string
  /** Empty: the server generates one like `redis-nun6`. */
  readonly name: string
  /** Only the fields the user touched; the others take the definition's defaults. */
  readonly values: Readonly<Record<string, RawValue>>
  readonly dependencies: Readonly<Record<string, DependencyPick>>
}

export interface Target {
  readonly tenant: string
  readonly cluster: string
  readonly visibility: Visibility
}

export const emptyDraft = (app: string): InstanceDraft => ({ app, name: "", values: {}, dependencies: {} })

/** A field's value shown in the form: what was typed, else the default. */
export const shownValue = (field: ConfigField, draft: InstanceDraft): RawValue => {
  const typed = draft.values[field.key]
  if (typed !== undefined) return typed
  const d = field.default
  return typeof d === "number" ? String(d) : d
}

/** The pick of a dependency: as chosen, else new for a required one and new for an optional one too. */
export const pickOf = (draft: InstanceDraft, dep: string): DependencyPick =>
  draft.dependencies[dep] ?? { kind: "new" }

export const childPath = (path: string, dep: string) => `${path}/${dep}`

/** The drafts the request carries: the root and every dependency chosen "new", depth first. */
export const activePaths = (
  drafts: Readonly<Record<string, InstanceDraft>>,
  definitions: Readonly<Record<string, AppDefinition | undefined>>,
  root: string
): string[] => {
  const out: string[] = []
  const walk = (path: string, trail: ReadonlyArray<string>) => {
    const draft = drafts[path]
    if (!draft) return
    out.push(path)
    const def = definitions[draft.app]
    // A cycle in the catalog would recurse forever; the server refuses it by name.
    for (const dep of def?.dependencies ?? [])
      if (pickOf(draft, dep.app).kind === "new" && !trail.includes(dep.app))
        walk(childPath(path, dep.app), [...trail, dep.app])
  }
  walk(root, [drafts[root]?.app ?? ""])
  return out
}

export interface DraftProblem {
  /** The field key, "name", or "dependency:<app>". */
  readonly field: string
  readonly message: string
}

/** What stops this draft from being sent, per field (problems in the shared English form). */
export const draftProblems = (draft: InstanceDraft, def: AppDefinition): DraftProblem[] => {
  const problems: DraftProblem[] = []
  if (draft.name !== "") {
    const p = instanceNameProblem(draft.name)
    if (p) problems.push({ field: "name", message: p })
  }
  for (const field of def.fields) {
    const raw = draft.values[field.key]
    if (raw === undefined) continue
    const read = readField(field, raw)
    if (isProblem(read)) problems.push({ field: field.key, message: read.problem })
  }
  for (const dep of def.dependencies) {
    const pick = pickOf(draft, dep.app)
    if (pick.kind === "none" && dep.required)
      problems.push({ field: `dependency:${dep.app}`, message: "is required" })
    if (pick.kind === "existing" && pick.instance === "")
      problems.push({ field: `dependency:${dep.app}`, message: "choose an instance" })
  }
  return problems
}

const isProblem = (v: FieldValue | { problem: string }): v is { problem: string } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "problem" in v

/** The touched fields read in their units; unreadable ones are left to `draftProblems`. */
export const readValues = (draft: InstanceDraft, def: AppDefinition): Record<string, FieldValue> => {
  const values: Record<string, FieldValue> = {}
  for (const field of def.fields) {
    const raw = draft.values[field.key]
    if (raw === undefined) continue
    const read = readField(field, raw)
    if (!isProblem(read)) values[field.key] = read
  }
  return values
}

const instanceRequest = (
  path: string,
  drafts: Readonly<Record<string, InstanceDraft>>,
  definitions: Readonly<Record<string, AppDefinition | undefined>>,
  trail: ReadonlyArray<string>
): InstanceRequest => {
  const draft = drafts[path] ?? emptyDraft(trail[trail.length - 1] ?? "")
  const def = definitions[draft.app]
  const dependencies: Record<string, DependencyChoice> = {}
  for (const dep of def?.dependencies ?? []) {
    const pick = pickOf(draft, dep.app)
    if (pick.kind === "existing") dependencies[dep.app] = { kind: "existing", instance: pick.instance }
    else if (pick.kind === "none") dependencies[dep.app] = { kind: "none" }
    else if (!trail.includes(dep.app))
      dependencies[dep.app] = {
        kind: "new",
        request: instanceRequest(childPath(path, dep.app), drafts, definitions, [...trail, dep.app])
      }
  }
  return {
    ...(draft.name !== "" ? { name: draft.name } : {}),
    values: def ? readValues(draft, def) : {},
    dependencies
  }
}

/** The request the preview and the install send. */
export const installRequest = (
  root: string,
  target: Target,
  drafts: Readonly<Record<string, InstanceDraft>>,
  definitions: Readonly<Record<string, AppDefinition | undefined>>
): InstallRequest => {
  const app = drafts[root]?.app ?? root
  return {
    app,
    tenant: target.tenant,
    cluster: target.cluster,
    visibility: target.visibility,
    ...instanceRequest(root, drafts, definitions, [app])
  }
}
