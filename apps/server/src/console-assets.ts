/**
 * @module The console's hashed files (`/assets/…`), answered from memory. A name's content
 * never changes, so each file (and its gzip and brotli copy, which the build wrote) is read
 * once, on its first request, and written out whole after that: no stat, no stream per
 * request. A first screen asks for some thirty of them at once; through `serveStatic`
 * each cost the server 3–4 ms of CPU, and the browser waited for the last.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { getMimeType } from "hono/utils/mime"

/** Best first: the one the browser takes and the build wrote. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" }
] as const

const CACHE_CONTROL = "public, max-age=31536000, immutable"

/**
 * @param consoleDir the built console; its `assets` folder is listed once, here
 * @returns the answer for `/assets/<name>` and the request's `Accept-Encoding`, or
 *   undefined for a name the folder did not hold when listed
 */
export const consoleAssets = (consoleDir: string) => {
  const dir = join(consoleDir, "assets")
  let names: ReadonlySet<string>
  try {
    names = new Set(readdirSync(dir))
  } catch {
    names = new Set()
  }
  const contents = new Map<string, Uint8Array<ArrayBuffer>>()
  const contentOf = (name: string) => {
    let content = contents.get(name)
    if (!content) {
      content = new Uint8Array(readFileSync(join(dir, name)))
      contents.set(name, content)
    }
    return content
  }

  return (path: string, acceptEncoding: string | undefined): Response | undefined => {
    const name = path.slice("/assets/".length)
    // Only names listed above: no path of the request's own reaches the file system.
    if (!names.has(name)) return undefined
    const type = getMimeType(name) ?? "application/octet-stream"
    const accepted = new Set(acceptEncoding?.split(",").map((e) => e.split(";")[0]!.trim()))
    const copies = ENCODINGS.filter((e) => names.has(name + e.suffix))
    const encoding = copies.find((e) => accepted.has(e.name))
    const headers: Record<string, string> = { "Content-Type": type, "Cache-Control": CACHE_CONTROL }
    if (copies.length > 0) headers.Vary = "Accept-Encoding"
    if (encoding) headers["Content-Encoding"] = encoding.name
    return new Response(contentOf(encoding ? name + encoding.suffix : name), { headers })
  }
}
