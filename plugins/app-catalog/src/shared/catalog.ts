/**
 * @module The catalog: every definition the catalog plugins contributed, decoded and checked
 * together (names unique across catalogs, dependencies and the exports templates use exist).
 */
import { Schema, SchemaIssue } from "effect"
import { AppDefinition } from "./definition"
import type { RenderHook } from "./render"
import { referencesOf } from "./template"

/** What a catalog plugin contributes to the `app-catalog` extension point. */
export interface CatalogContribution {
  /** Who ships these apps, e.g. "builtin" or a vendor's plugin id. */
  readonly catalog: string
  /** Definitions as data; decoded by the app-catalog plugin, so a vendor may load them from JSON. */
  readonly definitions: ReadonlyArray<unknown>
  /** Render hooks by app name, for apps the generic objects do not fit. */
  readonly hooks?: Readonly<Record<string, RenderHook>>
}

export interface CatalogEntry {
  readonly catalog: string
  readonly definition: AppDefinition
  readonly hook: RenderHook | undefined
}

export interface Catalog {
  readonly entries: ReadonlyMap<string, CatalogEntry>
  /** Definitions left out, and why, e.g. `vendor-x: definitions[2].roles: ...`. */
  readonly problems: ReadonlyArray<string>
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()
const decodeDefinition = Schema.decodeUnknownExit(AppDefinition)

const issueText = (issue: SchemaIssue.Issue): string =>
  formatter(issue)
    .issues.map(
      (i) => `${(i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".")}: ${i.message}`
    )
    .join("; ")

export const buildCatalog = (contributions: ReadonlyArray<CatalogContribution>): Catalog => {
  const entries = new Map<string, CatalogEntry>()
  const problems: string[] = []
  for (const c of contributions)
    c.definitions.forEach((raw, i) => {
      const exit = decodeDefinition(raw, { errors: "all" })
      if (exit._tag === "Failure") {
        const cause = exit.cause.reasons[0]
        const text =
          cause && "error" in cause && cause.error instanceof Schema.SchemaError
            ? issueText(cause.error.issue)
            : String(cause)
        problems.push(`${c.catalog}: definitions[${i}]: ${text}`)
        return
      }
      const definition = exit.value
      const previous = entries.get(definition.name)
      if (previous) {
        problems.push(`${c.catalog}: "${definition.name}" is already in the ${previous.catalog} catalog`)
        return
      }
      entries.set(definition.name, { catalog: c.catalog, definition, hook: c.hooks?.[definition.name] })
    })
  for (const [name, { catalog, definition }] of entries) {
    const missing = definition.dependencies.filter((d) => !entries.has(d.app)).map((d) => d.app)
    for (const app of missing) problems.push(`${catalog}: ${name} depends on "${app}", which no catalog has`)
    const templates = [
      ...definition.roles.flatMap((r) => r.env.map((e) => e.value)),
      ...definition.configFiles.map((f) => f.content),
      ...definition.exports.map((e) => e.value)
    ]
    for (const ref of templates.flatMap(referencesOf).filter((r) => r.startsWith("deps."))) {
      const [, app, exported] = ref.split(".")
      const dep = entries.get(app!)
      if (dep && !dep.definition.exports.some((e) => e.name === exported))
        problems.push(`${catalog}: ${name} uses {{${ref}}}, but ${app} exports no "${exported}"`)
    }
  }
  return { entries, problems }
}
