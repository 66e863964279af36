/** @module What Observe's server and console share; each part (terminal and logs, metrics) adds its own exports. */
export * from "./live"
export * from "./metrics"
export * from "./schemas"
