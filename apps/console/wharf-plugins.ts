/**
 * @module The console build's list of plugins: a virtual module, `virtual:wharf-plugins`,
 * generated from the same configuration the server reads (`WHARF_PLUGINS`,
 * `wharf.config.json`), importing each enabled plugin's `./web` export on demand. The build
 * also writes `wharf-plugins.json`, so a server can tell whether this build matches its
 * configuration and rebuild when it does not.
 */
import { CONSOLE_MANIFEST, consoleManifestOf, enabledPluginPackages, wharfRoot } from "@wharf/core/packages"
import type { Plugin } from "vite"

const ID = "virtual:wharf-plugins"
const RESOLVED = `\0${ID}`

export const wharfPlugins = (): Plugin => {
  // Configuration lives where Wharf is started: the repository's root, as `npm start` does.
  const packages = enabledPluginPackages(process.env, wharfRoot)
  return {
    name: "wharf-plugins",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined
      const entries = packages.flatMap((p) =>
        p.web ? [`  ${JSON.stringify(p.id)}: () => import(${JSON.stringify(p.web)})`] : []
      )
      return `export const consolePlugins = {\n${entries.join(",\n")}\n}\n`
    },
    generateBundle() {
      const source = `${JSON.stringify(consoleManifestOf(packages), null, 2)}\n`
      this.emitFile({ type: "asset", fileName: CONSOLE_MANIFEST, source })
    }
  }
}
