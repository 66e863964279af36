/**
 * @module Keeping the built console in step with configuration. A build contains the web
 * parts of the plugins enabled when it was made (its `wharf-plugins.json` lists them); when
 * configuration enables another set, the server builds the console again before serving.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { CONSOLE_MANIFEST, consoleManifestOf, log, type PluginPackage, wharfRoot } from "@wharf/core"

const consoleApp = join(wharfRoot, "apps", "console")

/** The plugins `consoleDir` was built with, or null when it has no (readable) manifest. */
const builtWith = (consoleDir: string): unknown => {
  const file = join(consoleDir, CONSOLE_MANIFEST)
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, "utf8"))
  } catch {
    return null
  }
}

export const consoleMatches = (consoleDir: string, packages: ReadonlyArray<PluginPackage>) =>
  JSON.stringify(builtWith(consoleDir)) === JSON.stringify(consoleManifestOf(packages))

/** Build the console with `packages`' web parts into `outDir` (Vite, in a child process). */
export const buildConsole = (outDir: string, packages: ReadonlyArray<PluginPackage>): Promise<void> =>
  new Promise((resolve, reject) => {
    const vite = join(consoleApp, "node_modules", "vite", "bin", "vite.js")
    const child = spawn(
      process.execPath,
      [vite, "build", "--configLoader", "runner", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"],
      {
        cwd: consoleApp,
        // Folders, not the configured names: they mean the same from the console's folder.
        env: { ...process.env, WHARF_PLUGINS: packages.map((p) => p.dir).join(",") },
        stdio: ["ignore", "inherit", "inherit"]
      }
    )
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`building the console failed (vite exited with ${code})`))
    )
  })

/** Rebuild `consoleDir` when it was built for another set of plugins than `packages`. */
export const ensureConsoleBuilt = async (consoleDir: string, packages: ReadonlyArray<PluginPackage>) => {
  if (consoleMatches(consoleDir, packages)) return
  log("INFO", "building the console for the enabled plugins", {
    consoleDir,
    plugins: consoleManifestOf(packages).plugins.map((p) => p.id)
  })
  await buildConsole(consoleDir, packages)
}
