/**
 * @module A new plugin from the template: every file of `template/` with the plugin's names
 * filled in, and the plugin added to the type-checked projects. Under `plugins/` it is one of
 * Wharf's own, enabled by default; elsewhere configuration names it by its folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { wharfRoot } from "@wharf/core/packages"

const TEMPLATE = new URL("../template/", import.meta.url)

/** Lower-case words joined by dashes, starting with a letter: a plugin id and its folder. */
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

export interface Names {
  /** `service-desk`: the plugin id, folder and URL path. */
  readonly id: string
  /** `service_desk`: its database schema. */
  readonly schema: string
  /** `serviceDesk`: the name of its `definePlugin` value (`serviceDeskPlugin`). */
  readonly camel: string
  /** `Service Desk`: its first label, until someone writes a better one. */
  readonly title: string
}

export const namesOf = (id: string): Names => {
  if (!ID.test(id))
    throw new Error(
      `"${id}" is not a plugin id: use lower-case letters, digits and dashes, like "service-desk"`
    )
  const words = id.split("-")
  return {
    id,
    schema: words.join("_"),
    camel: words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join(""),
    title: words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ")
  }
}

const fillIn = (text: string, names: Names, base: string) =>
  text
    .replaceAll("__id__", names.id)
    .replaceAll("__schema__", names.schema)
    .replaceAll("__camel__", names.camel)
    .replaceAll("__Title__", names.title)
    .replaceAll("__base__", base)

const templateFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? templateFiles(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name]
  )

/**
 * @param id the new plugin's id
 * @param parent the folder to create it in (default: Wharf's `plugins/`)
 * @returns the new plugin's folder
 */
export const generatePlugin = (id: string, parent = join(wharfRoot, "plugins")): string => {
  const names = namesOf(id)
  const dir = join(parent, id)
  if (existsSync(dir)) throw new Error(`${dir} exists already: pick another id or remove it`)
  const template = new URL(TEMPLATE).pathname
  const base = relative(dir, join(wharfRoot, "tooling", "typescript", "base.json"))
  for (const file of templateFiles(template)) {
    const target = join(dir, fillIn(file, names, base).replace(/\.tmpl$/, ""))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, fillIn(readFileSync(join(template, file), "utf8"), names, base))
  }
  return dir
}

/** Add `dir` to the root tsconfig's references, so `tsc -b` checks it like every package. */
export const addToTypeCheck = (dir: string) => {
  const file = join(wharfRoot, "tsconfig.json")
  const tsconfig = JSON.parse(readFileSync(file, "utf8")) as { references: { path: string }[] }
  const path = relative(wharfRoot, dir)
  if (tsconfig.references.some((r) => r.path === path)) return
  // Before the apps, which come after every plugin.
  const at = tsconfig.references.findIndex((r) => r.path.startsWith("apps/"))
  tsconfig.references.splice(at === -1 ? tsconfig.references.length : at, 0, { path })
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`)
}
