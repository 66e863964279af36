/**
 * @module The app-catalog plugin: the `app-catalog` extension point catalog plugins contribute
 * app definitions to, the catalog built from them, and its API (`app-catalog.*`, `/catalog`).
 */
import { definePlugin } from "@wharf/core"
import { appCatalogs } from "../shared/extension-point"
import { appCatalogLayer } from "./catalog"
import { appCatalogRouter } from "./router"
import { appCatalogRoutes } from "./routes"

export const appCatalogPlugin = definePlugin({
  id: "app-catalog",
  version: "0.1.0",
  description: "App catalog: definitions contributed by catalog plugins, rendered into Kubernetes objects",
  dependsOn: ["identity"],
  extensionPoints: [appCatalogs],
  router: appCatalogRouter,
  routes: appCatalogRoutes,
  layer: appCatalogLayer
})

export { getApp, listApps } from "./catalog"
export type { AppCatalogRouter } from "./router"
export default appCatalogPlugin
