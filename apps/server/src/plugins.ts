/**
 * @module Loading the plugins configuration enables: each one's package, then its `./server`
 * export. Nothing here names a plugin: a vendor's package is enabled by configuration alone.
 */
import { pathToFileURL } from "node:url"
import { findPluginPackage, PluginPackageError, type WharfPlugin } from "@wharf/core"

const isPlugin = (value: unknown): value is WharfPlugin =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as WharfPlugin).id === "string" &&
  typeof (value as WharfPlugin).version === "string"

/** The plugin a `./server` module exports: its default export, or the export with the package's id. */
const pluginOf = (module: Record<string, unknown>, id: string, asked: string): WharfPlugin => {
  const found = [module.default, ...Object.values(module)].find((v) => isPlugin(v) && v.id === id)
  if (!found)
    throw new PluginPackageError(
      `Plugin "${asked}": its ./server exports no definePlugin({ id: "${id}", ... }) (the id its package.json names)`
    )
  return found as WharfPlugin
}

/**
 * @param specifiers the enabled plugins as configured (ids, package names, paths)
 * @param cwd where configuration lives
 * @param preloaded plugins already in memory (tests' own), used for the ids they have
 */
export const loadPlugins = async (
  specifiers: ReadonlyArray<string>,
  cwd: string,
  preloaded: ReadonlyArray<WharfPlugin> = []
): Promise<ReadonlyArray<WharfPlugin>> =>
  Promise.all(
    specifiers.map(async (specifier) => {
      const inMemory = preloaded.find((p) => p.id === specifier)
      if (inMemory) return inMemory
      const pkg = findPluginPackage(specifier, cwd)
      const module = (await import(pathToFileURL(pkg.server!).href)) as Record<string, unknown>
      return pluginOf(module, pkg.id, specifier)
    })
  )
