/**
 * @module The console's page (index.html) as each visitor gets it. The server writes into it
 * what the console would otherwise ask for one request after another: the enabled plugins
 * and who is signed in (a JSON data block, which the CSP allows where it forbids inline
 * code), and `modulepreload` links for the enabled plugins' entry files and the requested
 * page's own, so the browser fetches all of them in one round trip.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import {
  CONSOLE_BOOT_ID,
  CONSOLE_PRELOADS,
  type ConsoleBoot,
  type ConsolePreloads,
  jsonForHtml,
  type PluginInfo,
  sessionInfoOf,
  type Viewer
} from "@wharf/core"

const readPreloads = (consoleDir: string): ConsolePreloads => {
  const file = join(consoleDir, CONSOLE_PRELOADS)
  // A console built before preloads were written still works, one import after another.
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { plugins: {}, routes: [] }
}

/** `/tickets/:number` as a pattern; the more fixed segments, the more specific (as the router ranks). */
const routeMatcher = (path: string) => {
  const segments = path.split("/").filter(Boolean)
  const pattern = new RegExp(
    `^/${segments.map((s) => (s.startsWith(":") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}/?$`
  )
  return { pattern, fixed: segments.filter((s) => !s.startsWith(":")).length }
}

/**
 * @param consoleDir the built console (index.html, wharf-preloads.json)
 * @param plugins the enabled plugins, as `/api/v1/plugins` lists them
 * @returns the page for a path and a viewer; `session` undefined leaves the console to ask
 */
export const consolePage = (consoleDir: string, plugins: ReadonlyArray<PluginInfo>) => {
  const html = readFileSync(join(consoleDir, "index.html"), "utf8")
  // Split once; concatenating (not `String.replace`) keeps `$&` in a user's name as written.
  const headEnd = html.indexOf("</head>")
  const [head, rest] = [html.slice(0, headEnd), html.slice(headEnd)]
  const preloads = readPreloads(consoleDir)
  const inPage = (file: string) => html.includes(`"${file}"`)
  // What the page already loads is left out once here, not on every request.
  const pluginFiles = plugins.flatMap((p) => preloads.plugins[p.id] ?? []).filter((f) => !inPage(f))
  const routes = preloads.routes
    .filter((r) => r.path.startsWith("/"))
    .map((r) => ({ ...routeMatcher(r.path), files: r.files.filter((f) => !inPage(f)) }))
  const linkTo = (file: string) =>
    file.endsWith(".css")
      ? `<link rel="stylesheet" crossorigin href="${file}">`
      : `<link rel="modulepreload" crossorigin href="${file}">`

  return (path: string, session: { viewer: Viewer | null } | undefined) => {
    const route = routes
      .filter((r) => r.pattern.test(path))
      .reduce<(typeof routes)[number] | undefined>(
        (best, r) => (best && best.fixed >= r.fixed ? best : r),
        undefined
      )
    const files = [...new Set([...pluginFiles, ...(route?.files ?? [])])]
    const boot: ConsoleBoot | undefined = session && {
      plugins,
      session: session.viewer ? sessionInfoOf(session.viewer) : null
    }
    const data = boot
      ? `<script type="application/json" id="${CONSOLE_BOOT_ID}">${jsonForHtml(boot)}</script>`
      : ""
    return `${head}${files.map(linkTo).join("")}${data}${rest}`
  }
}
