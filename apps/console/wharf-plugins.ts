/**
 * @module The console build's list of plugins: a virtual module, `virtual:wharf-plugins`,
 * generated from the same configuration the server reads (`WHARF_PLUGINS`,
 * `wharf.config.json`), importing each enabled plugin's `./web` export on demand. The build
 * also writes `wharf-plugins.json`, so a server can tell whether this build matches its
 * configuration and rebuild when it does not; `wharf-preloads.json`, the files each plugin's
 * entry and each route's page need (the home page's: its widgets' too), so the server can
 * name them in index.html (the browser then fetches them at once instead of one import
 * after another); and a gzip and a brotli
 * copy of each script and style sheet, which the server sends to browsers that take them.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { brotliCompressSync, gzipSync } from "node:zlib"
import {
  CONSOLE_MANIFEST,
  CONSOLE_PRELOADS,
  type ConsolePreloads,
  consoleManifestOf,
  enabledPluginPackages,
  wharfRoot
} from "@wharf/core/packages"
import type { Plugin, Rollup } from "vite"

const ID = "virtual:wharf-plugins"
const RESOLVED = `\0${ID}`
const SHELL_ROUTES = fileURLToPath(new URL("./src/App.tsx", import.meta.url))

// A route as the shell and plugins declare one: `{ path: "/x", component: lazy(() =>
// import("./pages/X")) }`, or with a component named before as `const X = lazy(() =>
// import("./pages/X"))` (the shell wraps some in `guarded(X)`). A slot contribution as plugins
// declare one: `fill(kbAside, X)`, with `const X = lazyNamed(() => import("./X"), "X")`; a
// page shows a slot as `<Slot slot={kbAside} .../>`. Slots are matched by the name they are
// imported under, which is the name their owner exports.
const NAMED_PAGE = /const (\w+) = lazy(?:Named)?\(\s*\(\) =>\s*import\("([^"]+)"\)/g
const ROUTE = /path: "([^"]+)",\s*component: (?:guarded\()?(?:lazy\(\(\) => import\("([^"]+)"\)\)|(\w+))/g
const FILL = /fill\((\w+), (\w+)/g
const SLOT_SHOWN = /slot=\{(\w+)\}/g

const namedPages = (source: string) => new Map([...source.matchAll(NAMED_PAGE)].map((m) => [m[1]!, m[2]!]))

/** The routes `source` declares, each with the specifier its page is imported from. */
export const routesDeclaredIn = (source: string) => {
  const named = namedPages(source)
  return [...source.matchAll(ROUTE)].flatMap((m) => {
    const page = m[2] ?? named.get(m[3]!)
    return page ? [{ path: m[1]!, page }] : []
  })
}

/** The slot contributions `source` declares, each with the specifier its component is imported from. */
export const contributionsIn = (source: string) => {
  const named = namedPages(source)
  return [...source.matchAll(FILL)].flatMap((m) => {
    const page = named.get(m[2]!)
    return page ? [{ slot: m[1]!, page }] : []
  })
}

/** The slots a page's own source shows (not those of the components it renders). */
export const slotsShownIn = (source: string) => new Set([...source.matchAll(SLOT_SHOWN)].map((m) => m[1]!))

/**
 * Each route's modules to preload: its page, and the contributions to the slots that page
 * shows itself (the home page's widgets, the knowledge base's aside cards), so they come
 * with the page instead of a round trip after it.
 */
export const preloadedModules = (
  routes: ReadonlyArray<{ path: string; module: string }>,
  fills: ReadonlyArray<{ slot: string; module: string }>,
  sourceOf: (module: string) => string
) =>
  routes.flatMap((route) => {
    const shown = slotsShownIn(sourceOf(route.module))
    return [
      route,
      ...fills.filter((f) => shown.has(f.slot)).map((f) => ({ path: route.path, module: f.module }))
    ]
  })

export const wharfPlugins = (): Plugin => {
  // Configuration lives where Wharf is started: the repository's root, as `npm start` does.
  const packages = enabledPluginPackages(process.env, wharfRoot)
  // Module id of each plugin's web entry → plugin id; route path → module id of its page.
  const entries = new Map<string, string>()
  const routes: { path: string; module: string }[] = []
  // Slot name → module id of each contribution's component.
  const fills: { slot: string; module: string }[] = []
  return {
    name: "wharf-plugins",
    async buildStart() {
      routes.length = 0
      fills.length = 0
      for (const p of packages) {
        const resolved = p.web ? await this.resolve(p.web) : null
        if (resolved) entries.set(resolved.id, p.id)
      }
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined
      const imports = packages.flatMap((p) =>
        p.web ? [`  ${JSON.stringify(p.id)}: () => import(${JSON.stringify(p.web)})`] : []
      )
      return `export const consolePlugins = {\n${imports.join(",\n")}\n}\n`
    },
    async transform(_code, id) {
      if (id !== SHELL_ROUTES && !entries.has(id)) return undefined
      // The source as written: the compiled code's layout is not the regular expressions' concern.
      const source = readFileSync(id, "utf8")
      for (const route of routesDeclaredIn(source)) {
        const page = await this.resolve(route.page, id)
        if (page) routes.push({ path: route.path, module: page.id })
      }
      for (const fill of contributionsIn(source)) {
        const component = await this.resolve(fill.page, id)
        if (component) fills.push({ slot: fill.slot, module: component.id })
      }
      return undefined
    },
    generateBundle(_options, bundle) {
      const manifest = `${JSON.stringify(consoleManifestOf(packages), null, 2)}\n`
      this.emitFile({ type: "asset", fileName: CONSOLE_MANIFEST, source: manifest })
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === "chunk")
      const byFile = new Map(chunks.map((c) => [c.fileName, c]))
      const byModule = new Map(
        chunks.flatMap((c) => (c.facadeModuleId ? [[c.facadeModuleId, c] as const] : []))
      )
      // A chunk, the chunks it imports statically (all of them, transitively) and their styles.
      const filesOf = (module: string) => {
        const files = new Set<string>()
        const visit = (chunk: Rollup.OutputChunk | undefined) => {
          if (!chunk || files.has(`/${chunk.fileName}`)) return
          files.add(`/${chunk.fileName}`)
          for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(`/${css}`)
          for (const file of chunk.imports) visit(byFile.get(file))
        }
        visit(byModule.get(module))
        return [...files]
      }
      // One route for each path: the page's files, then its slots' contributions'.
      const byPath = new Map<string, Set<string>>()
      const sourceOf = (module: string) => (existsSync(module) ? readFileSync(module, "utf8") : "")
      for (const r of preloadedModules(routes, fills, sourceOf)) {
        const files = byPath.get(r.path) ?? new Set()
        for (const file of filesOf(r.module)) files.add(file)
        byPath.set(r.path, files)
      }
      const preloads: ConsolePreloads = {
        plugins: Object.fromEntries([...entries].map(([module, id]) => [id, filesOf(module)])),
        routes: [...byPath].map(([path, files]) => ({ path, files: [...files] }))
      }
      this.emitFile({ type: "asset", fileName: CONSOLE_PRELOADS, source: `${JSON.stringify(preloads)}\n` })
    },
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue
        const path = join(options.dir!, file)
        const content = readFileSync(path)
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }))
        writeFileSync(`${path}.br`, brotliCompressSync(content))
      }
    }
  }
}
