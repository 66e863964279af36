/** @module Metrics over time: the collector job, the store, range queries from it or Prometheus. */
export { collectJob, collectOnce } from "./collector"
export { metricsRouter } from "./router"
