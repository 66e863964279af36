/**
 * @module Starting Wharf: read configuration, assemble the server, listen, and shut down
 * gracefully on SIGTERM/SIGINT (stop accepting, finish requests, stop jobs, close the DB).
 */
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { findPluginPackage, loadConfig, log } from "@wharf/core"
import { ensureConsoleBuilt } from "./console-build"
import { createWharf } from "./host"

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))

const main = async () => {
  const started = performance.now()
  const config = loadConfig({})
  const consoleDir = process.env.WHARF_CONSOLE_DIR ?? repo("apps/console/dist")
  // Configuration may have changed since the console was built: it must show what is enabled.
  await ensureConsoleBuilt(
    consoleDir,
    config.plugins.map((p) => findPluginPackage(p, config.cwd))
  )
  const wharf = await createWharf({ config, consoleDir })
  const server = serve({ fetch: wharf.app.fetch, port: config.port, hostname: config.host }, (info) => {
    log("INFO", "wharf is listening", {
      url: `http://localhost:${info.port}`,
      plugins: wharf.plugins.map((p) => p.id),
      database: wharf.database.kind,
      startupMs: Math.round(performance.now() - started)
    })
  })
  server.on("upgrade", wharf.upgrade)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log("INFO", "shutting down", { signal })
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    server.close(async () => {
      await wharf.close()
      log("INFO", "stopped")
      process.exit(0)
    })
    // Idle keep-alive connections would hold close() open until they time out.
    ;(server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.()
  }
  process.on("SIGTERM", () => stop("SIGTERM"))
  process.on("SIGINT", () => stop("SIGINT"))
}

main().catch((e: Error) => {
  // One readable line: the reason start-up stopped (a missing plugin, a failed migration...).
  log("ERROR", `wharf could not start: ${e.message}`)
  process.exit(1)
})
