/**
 * @module A real Wharf server for browser tests: HTTP on a free loopback port, a console
 * built for its plugins, PGlite in a temporary folder and demo data. Beside Wharf's own
 * plugins it enables, by configuration alone, the test-only contract-test plugin and the
 * example vendor plugin: neither is in the console `npm start` builds.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { builtInPlugins, findPluginPackage, loadConfig } from "@wharf/core"
import { buildConsole, createWharf } from "@wharf/server"
import { ADMIN, FAST_DEMO_CLUSTER } from "@wharf/server/testing"

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))

/** The browser suites' own console build, apart from the one `npm start` serves. */
const consoleDir = repo("apps/console/dist-e2e")

/** Every plugin a browser suite may enable. */
export const e2ePlugins = () => [
  ...builtInPlugins(),
  "@wharf/fixture-test-plugin",
  "@acme/wharf-plugin-hello"
]

/** Build the console the browser suites use, with every plugin they may enable. */
export const buildE2eConsole = () =>
  buildConsole(
    consoleDir,
    e2ePlugins().map((p) => findPluginPackage(p, repo("")))
  )

/** @param plugins the enabled plugins (default: {@link e2ePlugins}) */
export const startE2eServer = async (plugins: ReadonlyArray<string> = e2ePlugins()) => {
  process.env.WHARF_LOG ??= "silent"
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-e2e-"))
  const config = loadConfig({
    env: {
      WHARF_DATA_DIR: dataDir,
      WHARF_ADMIN_EMAIL: ADMIN.email,
      WHARF_ADMIN_PASSWORD: ADMIN.password,
      HOST: "127.0.0.1",
      PORT: "0",
      // Replies to ticket mails come back over SMTP (HD-13), on a free port.
      WHARF_INBOUND_SMTP_PORT: "0",
      WHARF_REPLY_ADDRESS: "support@wharf.test",
      ...FAST_DEMO_CLUSTER,
      // The metrics collector every 2 s, not 15: charts fill while a suite watches them.
      WHARF_METRICS_INTERVAL: "2",
      WHARF_PLUGINS: plugins.join(",")
    },
    cwd: repo("")
  })
  const wharf = await createWharf({ config, consoleDir })
  const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" })
  // WebSockets (a pod's terminal) are upgrades the plugins' endpoints answer.
  server.on("upgrade", wharf.upgrade)
  await new Promise<void>((resolve) => server.once("listening", () => resolve()))
  const address = server.address()
  const port = typeof address === "object" && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    smtpPort: wharf.inboundSmtp!.port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await wharf.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
