/**
 * @module The app-catalog plugin: the `app-catalog` extension point catalog plugins contribute
 * app definitions to, the catalog built from them, installed instances (preview by server-side
 * dry run, install, the reconciler that applies them per cluster) and its API
 * (`app-catalog.*`, `/catalog`, `/apps`).
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { Layer } from "effect"
import { appCatalogs } from "../shared/extension-point"
import { appCatalogLayer } from "./catalog"
import { loadDemoApps } from "./demo"
import { KeptLists } from "./kept"
import { reconcileJob, reconcilerLayer } from "./reconciler"
import { appCatalogRouter } from "./router"
import { appCatalogRoutes } from "./routes"
import { sealPlainPasswords } from "./store"

export const appCatalogPlugin = definePlugin({
  id: "app-catalog",
  version: "0.1.0",
  description:
    "App catalog: definitions contributed by catalog plugins, installed and kept running on clusters",
  dependsOn: ["identity", "clusters", "tenants"],
  extensionPoints: [appCatalogs],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: appCatalogRouter,
  routes: appCatalogRoutes,
  layer: Layer.mergeAll(
    Layer.provideMerge(reconcilerLayer, Layer.merge(appCatalogLayer, KeptLists.layer)),
    // Passwords stored before sealing existed are sealed once, at the first start after.
    Layer.effectDiscard(sealPlainPasswords)
  ),
  jobs: [reconcileJob],
  demo: loadDemoApps
})

export { getApp, listApps } from "./catalog"
export { Reconciler } from "./reconciler"
export type { AppCatalogRouter } from "./router"
export default appCatalogPlugin
