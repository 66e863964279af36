/**
 * @module The observe console: per-pod links (终端, 当前日志) on the host and app pages, and
 * their pages. Each part adds its routes and slot fills below.
 */
import { defineConsolePlugin, fill, lazyNamed } from "@wharf/core/web"
import { appConsoleSections, appPodLinks } from "@wharf/plugin-app-catalog/shared"
import { hostPodLinks, hostSections } from "@wharf/plugin-clusters/shared"
import { lazy } from "solid-js"
import { messages } from "./messages"

const PodLinks = lazyNamed(() => import("./PodLinks"), "PodLinks")
const HostMetrics = lazyNamed(() => import("./metrics/MetricsPanel"), "HostMetrics")
/** An instance's usage by role, for any page that shows one (the charts load when shown). */
export const AppMetricsChart = lazyNamed(() => import("./metrics/MetricsPanel"), "AppMetricsChart")

export default defineConsolePlugin({
  id: "observe",
  routes: [
    // Terminal and logs.
    { path: "/observe/terminal/:cluster/:namespace/:pod", component: lazy(() => import("./pages/Terminal")) },
    { path: "/observe/logs/:cluster/:namespace/:pod", component: lazy(() => import("./pages/Logs")) },
    // Metrics.
    {
      path: "/observe/metrics/:cluster/:namespace/:pod",
      component: lazy(() => import("./metrics/pages/PodMetrics"))
    }
  ],
  slots: [
    // Terminal and logs.
    fill(hostPodLinks, PodLinks, 10),
    fill(appPodLinks, PodLinks, 10),
    // Metrics: the host page's usage over time, below its pods; an app's by role, below its pods.
    fill(hostSections, HostMetrics, 20),
    fill(appConsoleSections, AppMetricsChart, 20)
  ],
  messages
})

// Other pages may place an instance's chart by role or link to a pod's metrics.
export { metricsPath } from "./metrics/api"
