/**
 * @module Vitest global setup: which declared changes the whole run proved audited. Every
 * change a suite makes through `TestClient` is checked against the audit log (one row, for
 * its request, naming it) and listed in a folder; at the end of a full run (`npm test` sets
 * `WHARF_AUDIT_COVERAGE=1`) every tRPC mutation and REST change of Wharf's own plugins must
 * be on a list, so a new one without an accepted call in some suite fails the run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { loadConfig } from "@wharf/core"
import { AUDITED_CHANGES_ENV, declaredChanges } from "./changes"
import { loadPlugins } from "./plugins"

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), "wharf-audited-"))
  process.env[AUDITED_CHANGES_ENV] = dir
  return async () => {
    const seen = new Set(
      readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean))
    )
    rmSync(dir, { recursive: true, force: true })
    if (process.env.WHARF_AUDIT_COVERAGE !== "1") return
    const config = loadConfig({ cwd: join(import.meta.dirname, "..") })
    const unproved = declaredChanges(await loadPlugins(config.plugins, config.cwd)).filter(
      (c) => !seen.has(c)
    )
    if (unproved.length > 0) {
      // A teardown's error is only logged; the exit code is what CI reads.
      process.exitCode = 1
      throw new Error(
        `No suite made these changes successfully, so nothing proves each writes one audit row: ${unproved.join(", ")}`
      )
    }
  }
}
