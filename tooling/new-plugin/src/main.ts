/**
 * @module `npm run new-plugin -- NAME`: create `plugins/NAME` from the template, add it to the
 * type-checked projects and install its dependencies. It starts enabled (every plugin under
 * `plugins/` is, unless configuration names others) and its tests run with everyone's.
 */
import { execFileSync } from "node:child_process"
import { relative } from "node:path"
import { wharfRoot } from "@wharf/core/packages"
import { addToTypeCheck, generatePlugin } from "./generate"

const [id] = process.argv.slice(2).filter((a) => a !== "--")
if (!id) {
  console.error("usage: npm run new-plugin -- NAME   (e.g. service-desk)")
  process.exit(2)
}
try {
  const dir = generatePlugin(id)
  addToTypeCheck(dir)
  execFileSync("npx", ["-y", "pnpm@10.34.8", "install"], { cwd: wharfRoot, stdio: "inherit" })
  console.log(`Created ${relative(wharfRoot, dir)}: restart Wharf (npm start) to see it at /${id}.`)
} catch (e) {
  console.error((e as Error).message)
  process.exit(1)
}
