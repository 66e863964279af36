/**
 * @module A Wharf replica in a child process, for the suite that kills a server with
 * SIGKILL mid-upload: it joins the database and data directory named in its environment
 * and prints `listening <port>` once it accepts requests.
 */
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { loadConfig } from "@wharf/core"
import { createWharf } from "../host"
import { availablePlugins } from "../plugins"
import { uploadFixturePlugin } from "./fixture"

const available = [...availablePlugins, uploadFixturePlugin]
const config = loadConfig({
  defaultPlugins: available.map((p) => p.id),
  defaultDemoDir: fileURLToPath(new URL("../../../../fixtures/demo", import.meta.url))
})
const wharf = await createWharf({ config, available, jobs: false })
serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`listening ${info.port}\n`)
})
