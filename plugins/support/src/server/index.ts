/**
 * @module The support plugin: what support covers, how to reach it (channels with a live
 * open/closed state from the service
 * calendars), premium services that can be ordered, and the FAQ.
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { serviceHoursLookups, serviceOrderHandlers } from "../shared/extension-points"
import { loadDemoSupport } from "./demo"
import { faqIndexLayer } from "./faq"
import { supportRouter } from "./router"
import { supportRoutes } from "./routes"

export const supportPlugin = definePlugin({
  id: "support",
  version: "0.1.0",
  description: "Support scope, channels and hours, premium services catalog and orders, FAQ",
  dependsOn: ["identity"],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  extensionPoints: [serviceOrderHandlers, serviceHoursLookups],
  router: supportRouter,
  routes: supportRoutes,
  layer: faqIndexLayer,
  demo: loadDemoSupport
})

export {
  type OrderRequest,
  type ServiceHoursLookup,
  type ServiceOrderHandler,
  serviceHoursLookups,
  serviceOrderHandlers
} from "../shared/extension-points"
export type { SupportRouter } from "./router"
export default supportPlugin
