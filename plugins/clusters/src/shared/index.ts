/** @module What the clusters plugin shares with the console and other plugins. */
export * from "./access"
export * from "./labels"
export * from "./quantity"
export * from "./schemas"
export * from "./services"
export * from "./slots"
export * from "./types"
