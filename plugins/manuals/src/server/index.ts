/**
 * @module The manuals plugin: user manuals per product and version (ordered page trees,
 * searchable), and release announcements with an Atom feed. Releases live here, not in
 * the support plugin, because they are product documentation published per product
 * version, next to that version's manual; support is about how to reach people.
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { loadDemoManuals } from "./demo"
import { manualsSearchLayer } from "./manuals"
import { manualsRouter } from "./router"
import { manualsRoutes } from "./routes"

export const manualsPlugin = definePlugin({
  id: "manuals",
  version: "0.1.0",
  description: "User manuals per product version, and release announcements with an Atom feed",
  dependsOn: ["identity"],
  // Manuals show beside the knowledge base's articles and search when it is enabled.
  optionalDependsOn: ["knowledge-base"],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: manualsRouter,
  routes: manualsRoutes,
  layer: manualsSearchLayer,
  demo: loadDemoManuals
})

export type { ManualsRouter } from "./router"
export default manualsPlugin
