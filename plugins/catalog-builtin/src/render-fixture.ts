/** @module Test helper: a built-in app rendered with defaults, each dependency a fresh instance. */
import {
  type Binding,
  buildCatalog,
  exportsOf,
  type KubeObject,
  renderApp,
  resolveValues
} from "@wharf/plugin-app-catalog/shared"
import { builtinApps } from "./apps"

export const catalog = buildCatalog([{ catalog: "builtin", definitions: builtinApps }])
export const definition = (name: string) => catalog.entries.get(name)!.definition
export const NS = "g-data-team"

/** Renders `app` as `instance`; dependencies named in `skip` are not installed. */
export const renderBuiltin = (
  app: string,
  instance: string,
  given: Record<string, unknown> = {},
  skip: ReadonlyArray<string> = []
): ReadonlyArray<KubeObject> => {
  const d = definition(app)
  const { values, problems } = resolveValues(d, given)
  if (problems.length > 0) throw new Error(JSON.stringify(problems))
  const bindings: Record<string, Binding | null> = {}
  for (const dep of d.dependencies) {
    if (skip.includes(dep.app)) {
      bindings[dep.app] = null
      continue
    }
    const depDef = definition(dep.app)
    const depInstance = `${dep.app}-dep1`
    const depValues = resolveValues(depDef, {}).values
    const depSecrets = Object.fromEntries(depDef.secrets.map((s) => [s.name, `${s.name}-value`]))
    bindings[dep.app] = {
      app: dep.app,
      instance: depInstance,
      namespace: NS,
      exports: exportsOf({
        definition: depDef,
        instance: depInstance,
        namespace: NS,
        values: depValues,
        secrets: depSecrets,
        bindings: {}
      })
    }
  }
  const secrets = Object.fromEntries(d.secrets.map((s) => [s.name, `s3cret-${s.name}`]))
  return renderApp({ definition: d, instance, namespace: NS, values, secrets, bindings })
}
