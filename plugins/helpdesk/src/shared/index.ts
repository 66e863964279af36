/** @module What the helpdesk shares with the console and other plugins. */
export * from "./reasons"
export * from "./schemas"
export * from "./slots"
export * from "./status"
export * from "./types"
