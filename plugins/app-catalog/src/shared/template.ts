/**
 * @module The small template language of env values, config files and exports:
 * `{{instance}}`, `{{namespace}}`, `{{values.<field>}}`, `{{secrets.<name>}}`,
 * `{{deps.<app>.<export>}}`. Nothing else: no logic, so a definition stays data.
 */
import type { Values } from "./values"

const REFERENCE = /\{\{\s*([a-zA-Z][a-zA-Z0-9_.-]*)\s*\}\}/g

/** What another instance offers its dependents, resolved. */
export interface ExportValue {
  readonly value: string
  readonly secret: boolean
}

/** A dependency as the dependent sees it; null when an optional one is not installed. */
export interface Binding {
  readonly app: string
  readonly instance: string
  readonly namespace: string
  readonly exports: Readonly<Record<string, ExportValue>>
}

export interface TemplateScope {
  readonly instance: string
  readonly namespace: string
  readonly values: Values
  readonly secrets: Readonly<Record<string, string>>
  readonly bindings: Readonly<Record<string, Binding | null>>
}

/** Every reference a template makes, e.g. ["instance", "deps.mysql.uri"]. */
export const referencesOf = (template: string): ReadonlyArray<string> =>
  [...template.matchAll(REFERENCE)].map((m) => m[1]!)

const valueText = (v: Values[string] | undefined): string =>
  v === undefined || Array.isArray(v) ? "" : String(v)

/** The template filled in, and whether anything secret went into it. */
export const fill = (
  template: string,
  scope: TemplateScope
): { readonly text: string; readonly secret: boolean } => {
  let secret = false
  const text = template.replace(REFERENCE, (_, ref: string) => {
    if (ref === "instance") return scope.instance
    if (ref === "namespace") return scope.namespace
    if (ref.startsWith("values.")) return valueText(scope.values[ref.slice("values.".length)])
    if (ref.startsWith("secrets.")) {
      secret = true
      return scope.secrets[ref.slice("secrets.".length)] ?? ""
    }
    if (ref.startsWith("deps.")) {
      const [, app, name] = ref.split(".")
      const exported = scope.bindings[app!]?.exports[name!]
      if (exported?.secret) secret = true
      return exported?.value ?? ""
    }
    return ""
  })
  return { text, secret }
}
