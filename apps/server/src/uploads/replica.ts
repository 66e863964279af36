/**
 * @module A Wharf replica in a child process, for the suite that kills a server with
 * SIGKILL mid-upload: it joins the database and data directory named in its environment
 * and prints `listening <port>` once it accepts requests.
 */
import { serve } from "@hono/node-server"
import { builtInPlugins, loadConfig } from "@wharf/core"
import { createWharf } from "../host"
import { uploadFixturePlugin } from "./fixture"

const config = loadConfig({ defaultPlugins: [...builtInPlugins(), uploadFixturePlugin.id] })
const wharf = await createWharf({ config, available: [uploadFixturePlugin], jobs: false })
serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`listening ${info.port}\n`)
})
