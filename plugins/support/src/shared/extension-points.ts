/**
 * @module The support plugin's extension points, for other plugins to contribute to. They
 * live in `shared` so a contributor imports them from `@wharf/plugin-support/shared`, never
 * from support's server code; type-only imports keep this file free of server modules.
 * A contribution from a plugin while support is disabled is simply never read.
 */
import type { ExtensionPoint, Viewer } from "@wharf/core"
import type { Effect } from "effect"
import type { ServiceHours } from "./hours"

export interface OrderRequest {
  readonly orderId: string
  readonly serviceName: string
  readonly serviceCategory: string
  readonly priceNote: string
  /** What the customer wrote when ordering; may be empty. */
  readonly note: string
  readonly customer: Viewer
}

/** Open a ticket for an order (the helpdesk does) and answer its number, e.g. "10052". */
export type ServiceOrderHandler = (order: OrderRequest) => Effect.Effect<{ ticketRef: string }, unknown, any>

export const serviceOrderHandlers: ExtensionPoint<ServiceOrderHandler> = { id: "support.service-order" }

/**
 * Look a service calendar up by its key ("7x24", "5x8", "7x8"): its hours, time zone and
 * holidays, or null when there is none of that key. The helpdesk contributes its calendars.
 */
export type ServiceHoursLookup = (key: string) => Effect.Effect<ServiceHours | null, unknown, any>

export const serviceHoursLookups: ExtensionPoint<ServiceHoursLookup> = { id: "support.service-hours" }
