/**
 * @module The helpdesk plugin (工单): tickets with statuses, threads and internal notes,
 * surveys, guest tickets by signed link, SLAs in service hours, and auto-close.
 */
import { contribute, definePlugin, inboundMailHandlers, readMigrations, uploadPurposes } from "@wharf/core"
import { serviceHoursLookups, serviceOrderHandlers } from "@wharf/plugin-support/shared"
import { Effect, Layer } from "effect"
import { attachmentPurpose } from "./attachments"
import { loadDemoHelpdesk } from "./demo"
import { autoCloseTickets, flagSlaBreaches } from "./jobs"
import { ticketListCacheLayer } from "./list-cache"
import { ticketReplies } from "./replies-by-mail"
import { helpdeskRouter } from "./router"
import { helpdeskRoutes } from "./routes"
import { GuestLinks } from "./secret"
import { ensureServiceOrderCategory, serviceHoursByKey, ticketForOrder } from "./service-orders"

export const helpdeskPlugin = definePlugin({
  id: "helpdesk",
  version: "0.1.0",
  description: "Tickets (工单): statuses, thread, internal notes, surveys, guest tickets, SLAs",
  dependsOn: ["identity"],
  optionalDependsOn: ["support"],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: helpdeskRouter,
  routes: helpdeskRoutes,
  layer: Layer.mergeAll(GuestLinks.layer, ticketListCacheLayer),
  // Support's points: read only when support is enabled too; helpdesk never requires it.
  contributions: [
    contribute(uploadPurposes, attachmentPurpose),
    contribute(inboundMailHandlers, ticketReplies),
    contribute(serviceOrderHandlers, ticketForOrder),
    contribute(serviceHoursLookups, serviceHoursByKey)
  ],
  jobs: [
    { id: "helpdesk.sla-breaches", schedule: { every: "1 minute" }, run: flagSlaBreaches },
    { id: "helpdesk.auto-close", schedule: { cron: "0 * * * *" }, run: autoCloseTickets }
  ],
  onStart: Effect.asVoid(ensureServiceOrderCategory),
  demo: loadDemoHelpdesk
})

export type { HelpdeskRouter } from "./router"
export default helpdeskPlugin
