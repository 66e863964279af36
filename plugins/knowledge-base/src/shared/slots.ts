/** @module Slots the knowledge base's pages leave for other plugins (e.g. manuals). */
import { defineSlot } from "@wharf/core/slots"

/** Beside the popular and recent articles on the knowledge base's home. */
export const kbAside = defineSlot("kb.aside")

/** Beside the search results: other plugins' matches for the same query. */
export const kbSearchAside = defineSlot<{
  readonly q: string
  readonly product: string | undefined
  readonly version: string | undefined
}>("kb.search.aside")
