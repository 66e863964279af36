/**
 * @module The clusters console: the clusters list with "Add cluster", the hosts overview
 * (cluster switcher, label filter, live updates) and the host page.
 */
import { defineConsolePlugin } from "@wharf/core/web"
import { lazy } from "solid-js"
import { messages } from "./messages"

export default defineConsolePlugin({
  id: "clusters",
  nav: [{ path: "/clusters", label: "clusters.nav", order: 30, section: "platform" }],
  routes: [
    { path: "/clusters", component: lazy(() => import("./pages/Clusters")) },
    { path: "/clusters/:id/hosts", component: lazy(() => import("./pages/Hosts")) },
    { path: "/clusters/:id/hosts/:name", component: lazy(() => import("./pages/Host")) }
  ],
  messages
})
