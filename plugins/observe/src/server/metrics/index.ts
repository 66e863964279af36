/** @module Metrics over time: the collector job, the store, range queries from it or Prometheus. */
// The store's writers, for the benchmark's generator and imports of history.
export { collectJob, collectOnce, observationsOf } from "./collector"
export { metricsRouter } from "./router"
export { appendCycle, appendSamples, expire, rollupFinishedHours } from "./store"
