/** @module What the identity plugin shares with the console and other plugins. */
export * from "./directory"
export * from "./reasons"
export * from "./schemas"
export * from "./session-changes"
export * from "./types"
