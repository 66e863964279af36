/** @module What the tenants plugin shares with the console and other plugins. */
export * from "./format"
export * from "./naming"
export * from "./schemas"
export * from "./services"
export * from "./types"
