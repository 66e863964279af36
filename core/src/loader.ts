/**
 * @module Choosing and ordering the plugins to load: the enabled set from configuration,
 * sorted so each plugin comes after those it depends on. A missing or cyclic dependency
 * stops start-up with one line that names the plugins.
 */
import type { WharfPlugin } from "./plugin"

export class PluginGraphError extends Error {
  override readonly name = "PluginGraphError"
}

/**
 * @param available every plugin this build knows
 * @param enabled ids from `wharf.config.json` / `WHARF_PLUGINS`
 * @returns the enabled plugins, dependencies first
 */
export const resolvePlugins = (
  available: ReadonlyArray<WharfPlugin>,
  enabled: ReadonlyArray<string>
): ReadonlyArray<WharfPlugin> => {
  const byId = new Map(available.map((p) => [p.id, p]))
  const unknown = enabled.filter((id) => !byId.has(id))
  if (unknown.length > 0) {
    throw new PluginGraphError(
      `Unknown plugin ${unknown.map((u) => `"${u}"`).join(", ")} in the enabled list; known plugins: ${[...byId.keys()].join(", ")}`
    )
  }
  const wanted = new Set(enabled)
  for (const id of wanted) {
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!wanted.has(dep)) {
        throw new PluginGraphError(
          `Plugin "${id}" depends on plugin "${dep}", which is not enabled; enable "${dep}" or disable "${id}"`
        )
      }
    }
  }
  const ordered: WharfPlugin[] = []
  const state = new Map<string, "visiting" | "done">()
  const visit = (id: string, path: ReadonlyArray<string>) => {
    if (state.get(id) === "done") return
    if (state.get(id) === "visiting") {
      const cycle = [...path.slice(path.indexOf(id)), id]
      throw new PluginGraphError(
        `Plugins depend on each other in a cycle: ${cycle.map((c) => `"${c}"`).join(" → ")}`
      )
    }
    state.set(id, "visiting")
    const plugin = byId.get(id)!
    for (const dep of plugin.dependsOn ?? []) visit(dep, [...path, id])
    state.set(id, "done")
    ordered.push(plugin)
  }
  // Visiting in the configured order keeps the result stable for a given config.
  for (const id of enabled) visit(id, [])
  return ordered
}
