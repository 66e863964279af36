/**
 * @module The observe plugin: a pod's terminal and current logs (opened from the host page and
 * the app page) and metrics. Each part adds its own router, routes and layer below.
 */
import { definePlugin, defineRoutes, readMigrations, router } from "@wharf/core"
import { collectJob, metricsRouter } from "./metrics"
import { addLiveRoutes } from "./routes"
import { ObserveSettings } from "./settings"
import { terminalSocket } from "./terminal"

export const observePlugin = definePlugin({
  id: "observe",
  version: "0.1.0",
  description: "A pod's terminal, current logs and metrics",
  // clusters: KubeClients and the host page's slot; tenants: who may use a pod's namespace;
  // app-catalog: the app page's slot.
  dependsOn: ["identity", "clusters", "tenants", "app-catalog"],
  routes: defineRoutes((r) => {
    // Terminal and logs.
    addLiveRoutes(r)
  }),
  sockets: [terminalSocket],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: router({ metrics: metricsRouter }),
  layer: ObserveSettings.layer,
  // Metrics: the collector, once across replicas.
  jobs: [collectJob]
})

export {
  appendCycle,
  appendSamples,
  expire,
  observationsOf,
  rollupFinishedHours
} from "./metrics"
export type ObserveRouter = NonNullable<typeof observePlugin.router>

export default observePlugin
