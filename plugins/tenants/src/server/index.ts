/**
 * @module The tenants plugin: tenants (a user's own, a group's), their quotas on clusters,
 * the reconciler that keeps each cluster in line, and the `Tenants` and `Quotas` services
 * other plugins use (the app catalog checks installs against quotas).
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { Layer } from "effect"
import { loadDemoQuotas } from "./demo"
import { reconcileJob, reconcilerLayer } from "./reconciler"
import { tenantsRouter } from "./router"
import { tenantsRoutes } from "./routes"
import { quotasLayer, tenantsLayer } from "./services"

export const tenantsPlugin = definePlugin({
  id: "tenants",
  version: "0.1.0",
  description: "Tenants and their quotas on clusters; the Tenants and Quotas services",
  dependsOn: ["identity", "clusters"],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: tenantsRouter,
  routes: tenantsRoutes,
  layer: Layer.mergeAll(reconcilerLayer, tenantsLayer, quotasLayer),
  jobs: [reconcileJob],
  demo: loadDemoQuotas
})

export type { ReconcileResult } from "./reconcile"
export { Reconciler } from "./reconciler"
export type { TenantsRouter } from "./router"
export default tenantsPlugin
