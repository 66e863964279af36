/**
 * @module A real Wharf server for browser tests: HTTP on a free loopback port, the built
 * console, PGlite in a temporary folder, demo data, and the contract-test plugin.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { loadConfig } from "@wharf/core"
import { contractTestPlugin } from "@wharf/fixture-test-plugin/server"
import { availablePlugins, createWharf } from "@wharf/server"
import { ADMIN } from "@wharf/server/testing"

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))

/** @param plugins the enabled plugins (default: all this build knows, and contract-test) */
export const startE2eServer = async (plugins?: ReadonlyArray<string>) => {
  process.env.WHARF_LOG ??= "silent"
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-e2e-"))
  const available = [...availablePlugins, contractTestPlugin]
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
      ...(plugins ? { WHARF_PLUGINS: plugins.join(",") } : {})
    },
    defaultPlugins: available.map((p) => p.id),
    defaultDemoDir: repo("fixtures/demo")
  })
  const wharf = await createWharf({ config, available, consoleDir: repo("apps/console/dist") })
  const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" })
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
