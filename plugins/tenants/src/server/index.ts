/**
 * @module The tenants plugin: tenants (a user's own, a group's), their quotas on clusters,
 * the reconciler that keeps each cluster in line, and the `Tenants` and `Quotas` services
 * other plugins use (the app catalog checks installs against quotas).
 */
import { contribute, definePlugin, readMigrations } from "@wharf/core"
import { clusterAudiences } from "@wharf/plugin-clusters/shared"
import { Layer } from "effect"
import { loadDemoQuotas } from "./demo"
import { reconcileJob, reconcilerLayer } from "./reconciler"
import { tenantsRouter } from "./router"
import { tenantsRoutes } from "./routes"
import { quotasLayer, tenantsLayer } from "./services"
import { clustersWithQuotaOf } from "./store"

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
  // A user sees the clusters where one of their tenants (their own, a group's) holds quota.
  contributions: [
    contribute(clusterAudiences, (viewer) =>
      clustersWithQuotaOf([viewer.id, ...viewer.groups.map((g) => g.id)])
    )
  ],
  demo: loadDemoQuotas
})

export type { ReconcileResult } from "./reconcile"
export { Reconciler } from "./reconciler"
export type { TenantsRouter } from "./router"
export default tenantsPlugin
