/** @module The metrics part of the observe console: charts other pages may place, and the pod page. */
export { metricsPath } from "./api"
export { AppMetricsChart, HostMetrics, MetricsPanel, type MetricsTarget } from "./MetricsPanel"
export { metricsMessages } from "./messages"
