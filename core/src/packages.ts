/**
 * @module Plugin packages: which packages configuration enables, and where their parts are.
 * A plugin is an npm package whose package.json says `"wharf": { "id": "<plugin id>" }` and
 * exports `./server` (a `definePlugin` value) and, when it has pages, `./web` (a
 * `defineConsolePlugin` value). Configuration names it by its id (Wharf's own, under
 * `plugins/`), its package name (installed in node_modules or in this workspace) or a path.
 * Node-only and free of Effect, so the console's Vite config can use it too.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { dirname, isAbsolute, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export interface PluginPackage {
  /** The plugin id, from package.json's `wharf.id`. */
  readonly id: string
  /** The package name. */
  readonly name: string
  /** The package's folder. */
  readonly dir: string
  /** The file of its `./server` export. */
  readonly server: string | undefined
  /** The file of its `./web` export, if it has console pages. */
  readonly web: string | undefined
}

export class PluginPackageError extends Error {
  override readonly name = "PluginPackageError"
}

/** Wharf's own folder: the workspace with `plugins/`, `examples/` and `fixtures/`. */
export const wharfRoot = fileURLToPath(new URL("../../", import.meta.url))

/** Workspace folders whose packages may be named in configuration by package name. */
const WORKSPACE_FOLDERS = ["plugins", "examples", "fixtures"]

interface PackageJson {
  name?: string
  exports?: Record<string, unknown>
  wharf?: { id?: unknown }
}

const readPackageJson = (dir: string): PackageJson | undefined => {
  const file = join(dir, "package.json")
  if (!existsSync(file)) return undefined
  return JSON.parse(readFileSync(file, "utf8")) as PackageJson
}

/** The file an `exports` entry points at: a string, or the `import`/`default` condition. */
const exportTarget = (dir: string, entry: unknown): string | undefined => {
  if (typeof entry === "string") return resolve(dir, entry)
  if (entry && typeof entry === "object") {
    const conditions = entry as Record<string, unknown>
    return exportTarget(dir, conditions.import ?? conditions.default)
  }
  return undefined
}

/** The plugin package in `dir`, or an error naming what is missing and what was asked. */
export const readPluginPackage = (dir: string, asked: string): PluginPackage => {
  const json = readPackageJson(dir)
  if (!json) throw new PluginPackageError(`Plugin "${asked}": no package.json in ${dir}`)
  const id = json.wharf?.id
  if (typeof id !== "string" || id === "")
    throw new PluginPackageError(
      `Plugin "${asked}": ${join(dir, "package.json")} is not a Wharf plugin (it has no "wharf": { "id": ... })`
    )
  const server = exportTarget(dir, json.exports?.["./server"])
  if (!server)
    throw new PluginPackageError(`Plugin "${asked}": package ${json.name ?? dir} exports no "./server"`)
  return { id, name: json.name ?? id, dir, server, web: exportTarget(dir, json.exports?.["./web"]) }
}

const isPath = (specifier: string) => specifier.startsWith(".") || isAbsolute(specifier)

/** A package folder `node_modules/<name>` in `from` or one of its parents. */
const inNodeModules = (name: string, from: string): string | undefined => {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name)
    if (existsSync(join(candidate, "package.json"))) return candidate
    if (dirname(dir) === dir) return undefined
  }
}

const workspacePackages = (): ReadonlyArray<{ dir: string; json: PackageJson }> =>
  WORKSPACE_FOLDERS.flatMap((folder) => {
    const parent = join(wharfRoot, folder)
    if (!existsSync(parent)) return []
    return readdirSync(parent, { withFileTypes: true }).flatMap((entry) => {
      if (!entry.isDirectory()) return []
      const dir = join(parent, entry.name)
      const json = readPackageJson(dir)
      return json ? [{ dir, json }] : []
    })
  })

/** Wharf's own plugins: every package under `plugins/`, by id. Enabled when configuration names none. */
export const builtInPlugins = (): ReadonlyArray<string> =>
  workspacePackages()
    .filter((p) => p.dir.startsWith(join(wharfRoot, "plugins")) && typeof p.json.wharf?.id === "string")
    .map((p) => p.json.wharf!.id as string)
    .sort()

/**
 * @param specifier an id of Wharf's own plugin (`helpdesk`), a package name
 *   (`@acme/wharf-plugin-hello`) or a path (`./vendor/hello`)
 * @param cwd where configuration lives: paths are relative to it, node_modules are looked up from it
 */
export const findPluginPackage = (specifier: string, cwd: string): PluginPackage => {
  if (isPath(specifier)) return readPluginPackage(resolve(cwd, specifier), specifier)
  const workspace = workspacePackages()
  // Wharf's own ids come first, so an unrelated npm package named `identity` cannot shadow one.
  const own = workspace.find(
    (p) => p.dir.startsWith(join(wharfRoot, "plugins")) && p.json.wharf?.id === specifier
  )
  if (own) return readPluginPackage(own.dir, specifier)
  const installed = inNodeModules(specifier, cwd) ?? inNodeModules(specifier, wharfRoot)
  if (installed) return readPluginPackage(installed, specifier)
  const byName = workspace.find((p) => p.json.name === specifier)
  if (byName) return readPluginPackage(byName.dir, specifier)
  throw new PluginPackageError(
    `Unknown plugin "${specifier}": not one of Wharf's (${builtInPlugins().join(", ")}), no package of that name in node_modules or the workspace, and not a path (start it with ./)`
  )
}

/** A comma-separated setting as a list, blanks dropped. */
export const list = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)

/** `wharf.config.json`'s content, or nothing when there is no such file. */
export const readConfigFile = (path: string): Record<string, unknown> => {
  if (!existsSync(path)) return {}
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`)
  }
}

/** The file configuration is read from: `WHARF_CONFIG`, else `wharf.config.json` in `cwd`. */
export const configFile = (env: NodeJS.ProcessEnv, cwd: string) =>
  resolve(cwd, env.WHARF_CONFIG ?? "wharf.config.json")

/** The enabled plugins as configured: `WHARF_PLUGINS`, else the file's `plugins`, else Wharf's own. */
export const configuredPlugins = (
  env: NodeJS.ProcessEnv,
  file: { plugins?: unknown },
  defaults: ReadonlyArray<string> = builtInPlugins()
): ReadonlyArray<string> => {
  if (env.WHARF_PLUGINS) return list(env.WHARF_PLUGINS)
  if (file.plugins === undefined) return defaults
  if (!Array.isArray(file.plugins) || file.plugins.some((p) => typeof p !== "string"))
    throw new PluginPackageError(`"plugins" in the configuration file must be a list of plugin names`)
  return file.plugins as string[]
}

/** The enabled plugins' packages, as configuration in `cwd` and `env` names them. */
export const enabledPluginPackages = (env: NodeJS.ProcessEnv, cwd: string): ReadonlyArray<PluginPackage> =>
  configuredPlugins(env, readConfigFile(configFile(env, cwd))).map((s) => findPluginPackage(s, cwd))

/** What a console build contains: the id and `./web` file (relative to Wharf) of each plugin. */
export interface ConsoleManifest {
  readonly plugins: ReadonlyArray<{ readonly id: string; readonly web: string }>
}

/** Written next to the built console's index.html. */
export const CONSOLE_MANIFEST = "wharf-plugins.json"

export const consoleManifestOf = (packages: ReadonlyArray<PluginPackage>): ConsoleManifest => ({
  plugins: packages.flatMap((p) => (p.web ? [{ id: p.id, web: relative(wharfRoot, p.web) }] : []))
})

/**
 * What the built console's first screen needs, so the server can name it in index.html
 * before the console asks: each plugin's entry files and each route's page files (paths
 * under the console's root, `/assets/...`).
 */
export interface ConsolePreloads {
  readonly plugins: Readonly<Record<string, ReadonlyArray<string>>>
  /** In the console's route syntax (`/tickets/:number`). */
  readonly routes: ReadonlyArray<{ readonly path: string; readonly files: ReadonlyArray<string> }>
}

/** Written next to the built console's index.html. */
export const CONSOLE_PRELOADS = "wharf-preloads.json"
