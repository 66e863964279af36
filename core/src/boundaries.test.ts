/**
 * The plugin boundary (DESIGN.md): a plugin imports core and the `shared` of the plugins it
 * declares in `dependsOn` (or `optionalDependsOn`), never another plugin's server or web
 * internals, and its SQL names only its own schema. Core imports no plugin. Read from every
 * plugin package in the workspace (plugins/, examples/, fixtures/), tests included.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { pathToFileURL } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import { schemaOf } from "./db/migrations"
import { type PluginPackage, readPluginPackage, wharfRoot } from "./packages"
import type { WharfPlugin } from "./plugin"

interface Plugin extends PluginPackage {
  /** What its definition declares: `dependsOn` and `optionalDependsOn`. */
  readonly uses: ReadonlySet<string>
}

const SKIP = new Set(["node_modules", "dist", "test-results", "playwright-report"])

const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith(".")) return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(tsx?|sql)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : []
  })

/** The text without comments, so prose naming a package or a table is not read as code. */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*(\/\/|--).*$/gm, "")
    .replace(/\s--\s.*$/gm, "")

/** Every module a file imports or re-exports, statically or dynamically. */
const importsOf = (text: string): ReadonlyArray<string> =>
  [...withoutComments(text).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"'\n]+)["']/gm)].map(
    (m) => m[1]!
  )

/** The schemas a file's SQL names as `schema.table` after a keyword that takes a table. */
const schemasOf = (text: string): ReadonlyArray<string> =>
  [
    ...withoutComments(text).matchAll(
      /\b(?:from|join|into|update|table|references|exists|truncate|on)\s+"?([a-z_][a-z0-9_]*)"?\s*\.\s*"?[a-z_]/gi
    )
  ].map((m) => m[1]!.toLowerCase())

const packageOf = (specifier: string) => {
  const parts = specifier.split("/")
  return specifier.startsWith("@")
    ? { name: parts.slice(0, 2).join("/"), sub: parts.slice(2).join("/") }
    : { name: parts[0]!, sub: parts.slice(1).join("/") }
}

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir + sep)

let plugins: ReadonlyArray<Plugin> = []

beforeAll(async () => {
  const dirs = ["plugins", "examples", "fixtures"].flatMap((folder) =>
    readdirSync(join(wharfRoot, folder), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(wharfRoot, folder, e.name, "package.json")))
      .map((e) => join(wharfRoot, folder, e.name))
  )
  const packages = dirs.flatMap((dir) => {
    const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { wharf?: unknown }
    return json.wharf ? [readPluginPackage(dir, dir)] : []
  })
  plugins = await Promise.all(
    packages.map(async (pkg) => {
      const module = (await import(pathToFileURL(pkg.server!).href)) as Record<string, unknown>
      const definition = [module.default, ...Object.values(module)].find(
        (v): v is WharfPlugin => typeof v === "object" && v !== null && (v as WharfPlugin).id === pkg.id
      )
      if (!definition) throw new Error(`${pkg.server} exports no plugin with id "${pkg.id}"`)
      return {
        ...pkg,
        uses: new Set([...(definition.dependsOn ?? []), ...(definition.optionalDependsOn ?? [])])
      }
    })
  )
}, 120_000)

/** What one plugin's files break: imports of undeclared or internal plugin parts, other schemas. */
const crossings = (plugin: Plugin): ReadonlyArray<string> => {
  const byName = new Map(plugins.map((p) => [p.name, p]))
  const otherSchemas = new Map(plugins.filter((p) => p.id !== plugin.id).map((p) => [schemaOf(p.id), p.id]))
  const otherDirs = plugins.filter((p) => p.id !== plugin.id).map((p) => p.dir)
  return sourceFiles(plugin.dir).flatMap((file) => {
    const text = readFileSync(file, "utf8")
    const where = relative(wharfRoot, file)
    const found: string[] = []
    if (!file.endsWith(".sql")) {
      for (const specifier of importsOf(text)) {
        if (specifier.startsWith(".")) {
          const target = resolve(dirname(file), specifier)
          if (!inside(plugin.dir, target) && otherDirs.some((d) => inside(d, target)))
            found.push(`${where} imports "${specifier}", another plugin's files`)
          continue
        }
        const { name, sub } = packageOf(specifier)
        const other = byName.get(name)
        if (!other || other.id === plugin.id) continue
        if (!plugin.uses.has(other.id))
          found.push(
            `${where} imports "${specifier}" but "${plugin.id}" does not declare "${other.id}" in dependsOn`
          )
        else if (sub !== "shared")
          found.push(`${where} imports "${specifier}": only "${name}/shared" is "${other.id}"'s to share`)
      }
    }
    for (const schema of new Set(schemasOf(text))) {
      const owner = otherSchemas.get(schema)
      if (owner) found.push(`${where} names the schema "${schema}" of plugin "${owner}" in SQL`)
    }
    return found
  })
}

describe("the plugin boundary", () => {
  it("reads imports and SQL the way the checks below rely on", () => {
    const code = [
      'import { a } from "@wharf/plugin-x/shared"',
      'export { b } from "../../other/src/b"',
      "const c = await import('@wharf/plugin-y/server')",
      'import "./side-effect"',
      '// import { d } from "@wharf/plugin-z/shared"',
      "await sql`select u.id from identity.memberships m join identity.users u on u.id = m.user_id`",
      'await sql`insert into "tenants".quotas values (1)`'
    ].join("\n")
    expect(importsOf(code)).toEqual([
      "@wharf/plugin-x/shared",
      "../../other/src/b",
      "@wharf/plugin-y/server",
      "./side-effect"
    ])
    expect(schemasOf(code)).toEqual(["identity", "identity", "u", "tenants"])
  })

  it("finds every plugin of the workspace, with what it declares", () => {
    expect(plugins.map((p) => p.id)).toEqual(
      expect.arrayContaining(["identity", "tenants", "hello", "contract-test"])
    )
    expect([...plugins.find((p) => p.id === "tenants")!.uses]).toEqual(expect.arrayContaining(["identity"]))
  })

  it("has no plugin import another's parts it does not declare, or name another's schema in SQL", () => {
    expect(plugins.flatMap(crossings)).toEqual([])
  })

  it("has core import no plugin and name no plugin's schema", () => {
    const schemas = new Set(plugins.map((p) => schemaOf(p.id)))
    const names = new Set(plugins.map((p) => p.name))
    const self = new URL(import.meta.url).pathname
    const found = sourceFiles(join(wharfRoot, "core")).flatMap((file) => {
      if (file === self) return []
      const text = readFileSync(file, "utf8")
      const where = relative(wharfRoot, file)
      return [
        ...importsOf(text)
          .filter((s) => names.has(packageOf(s).name) || packageOf(s).name === "@wharf/server")
          .map((s) => `${where} imports "${s}"`),
        ...schemasOf(text)
          .filter((s) => schemas.has(s))
          .map((s) => `${where} names plugin schema "${s}"`)
      ]
    })
    expect(found).toEqual([])
  })
})
