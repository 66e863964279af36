/**
 * @module What an instance is meant to be: its objects rendered from its stored settings and
 * its dependencies' exports (so a dependency's connection URI reaches the dependent's env),
 * what it asks of the tenant's quota, and objects as YAML for people to read.
 */
import { randomBytes } from "node:crypto"
import * as k8s from "@kubernetes/client-node"
import { Effect } from "effect"
import type { AppDefinition, SecretSpec } from "../shared/definition"
import {
  exportsOf,
  instanceLabels,
  type KubeObject,
  type RenderHook,
  type RenderInput,
  renderApp,
  roleSettings
} from "../shared/render"
import { AppCatalog } from "../shared/service"
import type { Binding } from "../shared/template"
import { priorityOf, type Values } from "../shared/values"
import { asApplySet } from "./applyset"
import { bindingsOf, type InstanceRow, passwordsOf, selectInstances } from "./store"

const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** A password per secret the definition declares, generated once and kept with the instance. */
export const generateSecrets = (specs: ReadonlyArray<SecretSpec>): Record<string, string> =>
  Object.fromEntries(
    specs.map((s) => [s.name, [...randomBytes(s.length)].map((b) => ALPHABET[b % ALPHABET.length]).join("")])
  )

/** Quota units: cores, MiB, MiB, Mbit/s, as `Quotas.check` reads them. */
export interface Demand {
  readonly priority: number
  readonly cpu: number
  readonly memory: number
  readonly storage: number
  readonly network: number
}

/** What an instance's pods and claims ask for when all its replicas run. */
export const demandOf = (definition: AppDefinition, values: Values): Demand => {
  let cpu = 0
  let memory = 0
  let storage = 0
  let network = 0
  for (const role of definition.roles) {
    const s = roleSettings(role, values)
    cpu += s.replicas * s.cpu
    memory += s.replicas * s.memoryMiB
    network += s.replicas * (s.networkMbps ?? 0)
    const claims = role.workload === "StatefulSet" ? s.replicas : 1
    for (const v of role.volumes) storage += claims * s.storageMiB(v.sizeMiB)
  }
  return { priority: priorityOf(values), cpu: Math.round(cpu * 1000) / 1000, memory, storage, network }
}

/** Demands summed per priority: the quota is checked once per priority with everything at it. */
export const byPriority = (demands: ReadonlyArray<Demand>): Demand[] => {
  const sums = new Map<number, Demand>()
  for (const d of demands) {
    const s = sums.get(d.priority)
    sums.set(
      d.priority,
      s
        ? {
            priority: d.priority,
            cpu: Math.round((s.cpu + d.cpu) * 1000) / 1000,
            memory: s.memory + d.memory,
            storage: s.storage + d.storage,
            network: s.network + d.network
          }
        : d
    )
  }
  return [...sums.values()].sort((a, b) => a.priority - b.priority)
}

/** The catalog's definition of an installed app (the catalog is the source; a removed app fails loudly). */
export const definitionOf = (app: string) =>
  Effect.gen(function* () {
    const entry = (yield* AppCatalog).get(app)
    if (!entry) return yield* Effect.die(new Error(`app "${app}" is no longer in the catalog`))
    return entry
  })

/**
 * Each dependency of `row` as its template sees it: the bound instance with its exports
 * (resolved with that instance's own dependencies), or null when not installed.
 */
export const bindingsFor = (
  row: InstanceRow,
  depth = 0
): Effect.Effect<
  Record<string, Binding | null>,
  import("@wharf/core").DbError,
  import("@wharf/core").Db | import("@wharf/core").Secrets | AppCatalog
> =>
  Effect.gen(function* () {
    const bindings: Record<string, Binding | null> = {}
    const rows = yield* bindingsOf([row.id])
    const boundIds = rows.flatMap((b) => (b.boundId ? [b.boundId] : []))
    const bound = boundIds.length > 0 ? yield* selectInstances({ ids: boundIds }) : []
    for (const b of rows) {
      const dep = bound.find((r) => r.id === b.boundId)
      if (!dep || depth > 8) {
        bindings[b.app] = null
        continue
      }
      const entry = yield* definitionOf(dep.app)
      bindings[b.app] = {
        app: dep.app,
        instance: dep.name,
        namespace: dep.namespace,
        exports: exportsOf({
          definition: entry.definition,
          instance: dep.name,
          namespace: dep.namespace,
          values: dep.values,
          secrets: yield* passwordsOf(dep),
          bindings: yield* bindingsFor(dep, depth + 1)
        })
      }
    }
    return bindings
  })

/** What an instance applies: its rendered objects, as an ApplySet. */
export const renderInstance = (input: RenderInput, hook: RenderHook | undefined) =>
  asApplySet(
    renderApp(input, hook),
    input.instance,
    input.namespace,
    instanceLabels(input.definition, input.instance)
  )

/** The objects `row` renders to with `values` (its stored ones unless given). */
export const renderRow = (row: InstanceRow, values: Values = row.values) =>
  Effect.gen(function* () {
    const entry = yield* definitionOf(row.app)
    return renderInstance(
      {
        definition: entry.definition,
        instance: row.name,
        namespace: row.namespace,
        values,
        secrets: yield* passwordsOf(row),
        bindings: yield* bindingsFor(row)
      },
      entry.hook
    )
  })

const MASK = "********"

/** What people read: no server bookkeeping, and Secrets' values masked. */
export const readable = (o: k8s.KubernetesObject | KubeObject): Record<string, unknown> => {
  const copy = JSON.parse(JSON.stringify(o)) as Record<string, unknown> & {
    metadata?: Record<string, unknown>
    data?: Record<string, string>
    stringData?: Record<string, string>
  }
  if (copy.metadata) {
    for (const k of ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation"])
      delete copy.metadata[k]
  }
  delete copy.status
  if (copy.kind === "Secret") {
    for (const field of ["data", "stringData"] as const)
      if (copy[field]) copy[field] = Object.fromEntries(Object.keys(copy[field]!).map((k) => [k, MASK]))
  }
  return copy
}

export const toYaml = (o: k8s.KubernetesObject | KubeObject): string => k8s.dumpYaml(readable(o))
