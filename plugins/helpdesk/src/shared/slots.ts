/** @module Slots the helpdesk's pages leave for other plugins (e.g. the knowledge base). */
import { defineSlot } from "@wharf/core/slots"

/** Beside the new-ticket form, following what the user types (to suggest answers). */
export const ticketFormAside = defineSlot<{ readonly title: string; readonly description: string }>(
  "ticket.form.aside"
)
