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
import { readFileSync, writeFileSync } from "node:fs"
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
// import("./pages/X"))` (the shell wraps some in `guarded(X)`). A home widget as plugins
// declare one: `fill(homeWidgets, X, 10)`, with `const X = lazyNamed(() => import("./X"), "X")`.
const NAMED_PAGE = /const (\w+) = lazy(?:Named)?\(\s*\(\) =>\s*import\("([^"]+)"\)/g
const ROUTE = /path: "([^"]+)",\s*component: (?:guarded\()?(?:lazy\(\(\) => import\("([^"]+)"\)\)|(\w+))/g
const HOME_WIDGET = /fill\(homeWidgets, (\w+)/g

/**
 * The routes `source` declares, each with the specifier its page is imported from; a home
 * widget counts as a page of `/`, which shows it.
 */
export const routesDeclaredIn = (source: string) => {
  const named = new Map([...source.matchAll(NAMED_PAGE)].map((m) => [m[1]!, m[2]!]))
  const routes = [...source.matchAll(ROUTE)].map((m) => ({ path: m[1]!, page: m[2] ?? named.get(m[3]!) }))
  const widgets = [...source.matchAll(HOME_WIDGET)].map((m) => ({ path: "/", page: named.get(m[1]!) }))
  return [...routes, ...widgets].flatMap((r) => (r.page ? [{ path: r.path, page: r.page }] : []))
}

export const wharfPlugins = (): Plugin => {
  // Configuration lives where Wharf is started: the repository's root, as `npm start` does.
  const packages = enabledPluginPackages(process.env, wharfRoot)
  // Module id of each plugin's web entry → plugin id; route path → module id of its page.
  const entries = new Map<string, string>()
  const routes: { path: string; module: string }[] = []
  return {
    name: "wharf-plugins",
    async buildStart() {
      routes.length = 0
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
      for (const route of routesDeclaredIn(readFileSync(id, "utf8"))) {
        const page = await this.resolve(route.page, id)
        if (page) routes.push({ path: route.path, module: page.id })
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
      // One route for each path: the page's files, then its widgets'.
      const byPath = new Map<string, Set<string>>()
      for (const r of routes) {
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
