import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CONSOLE_MANIFEST, consoleManifestOf, findPluginPackage, wharfRoot } from "@wharf/core"
import { afterAll, describe, expect, it } from "vitest"
import { consoleMatches } from "./console-build"

describe("a built console and the configuration", () => {
  const dir = mkdtempSync(join(tmpdir(), "wharf-console-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const packages = (...names: string[]) => names.map((n) => findPluginPackage(n, wharfRoot))

  it("match when the console was built with the web parts of the enabled plugins", () => {
    expect(consoleMatches(dir, packages("identity"))).toBe(false)
    writeFileSync(
      join(dir, CONSOLE_MANIFEST),
      JSON.stringify(consoleManifestOf(packages("identity", "helpdesk")))
    )
    expect(consoleMatches(dir, packages("identity", "helpdesk"))).toBe(true)
  })

  it("differ when configuration enables another plugin since the build, so start-up rebuilds", () => {
    expect(consoleMatches(dir, packages("identity", "helpdesk", "@acme/wharf-plugin-hello"))).toBe(false)
    expect(consoleMatches(dir, packages("identity"))).toBe(false)
  })
})
