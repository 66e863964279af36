import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { wharfRoot } from "@wharf/core/packages"
import { afterAll, describe, expect, it } from "vitest"
import { generatePlugin, namesOf } from "./generate"

/** Where a dependency is installed in this workspace: what `pnpm install` would link. */
const installed = (name: string) => {
  const workspace: Record<string, string> = {
    "@wharf/core": "core",
    "@wharf/server": "apps/server",
    "@wharf/e2e": "e2e"
  }
  if (workspace[name]) return join(wharfRoot, workspace[name])
  for (const from of ["examples/vendor-hello", "e2e", "core"]) {
    try {
      return realpathSync(join(wharfRoot, from, "node_modules", name))
    } catch {}
  }
  throw new Error(`${name} is installed nowhere in the workspace`)
}

describe("npm run new-plugin", () => {
  const parent = mkdtempSync(join(tmpdir(), "wharf-new-plugin-"))
  afterAll(() => rmSync(parent, { recursive: true, force: true }))

  it("names a plugin's parts after its id, and refuses an id that is not one", () => {
    expect(namesOf("service-desk")).toEqual({
      id: "service-desk",
      schema: "service_desk",
      camel: "serviceDesk",
      title: "Service Desk"
    })
    expect(() => namesOf("Service Desk")).toThrow('"Service Desk" is not a plugin id')
  })

  it("creates a plugin that type-checks and whose database test passes", () => {
    const dir = generatePlugin("service-desk", parent)
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
    expect(pkg.wharf).toEqual({ id: "service-desk" })
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      mkdirSync(dirname(join(dir, "node_modules", name)), { recursive: true })
      symlinkSync(installed(name), join(dir, "node_modules", name))
    }
    const bin = (tool: string) => join(wharfRoot, "node_modules", ".bin", tool)
    execFileSync(bin("tsc"), ["-b", dir], { stdio: "pipe" })
    const out = execFileSync(
      bin("vitest"),
      ["run", "--root", dir, "--hookTimeout", "60000", "--testTimeout", "30000", "src/server"],
      {
        encoding: "utf8",
        env: { ...process.env, WHARF_LOG: "silent", NO_COLOR: "1", FORCE_COLOR: "0" }
      }
    )
    // The generated suite runs on PGlite, and on a PostgreSQL server too when CI names one.
    const backends = process.env.WHARF_TEST_DATABASE_URL ? 2 : 1
    expect(out).toMatch(new RegExp(`Tests\\s+${2 * backends} passed`))
    expect(out).not.toMatch(/failed/)
  }, 240_000)
})
