/**
 * @module The app catalog console (平台 › 应用列表): the catalog with search and tags, and an
 * app's page with what it runs, what it needs and what can be configured.
 */
import { defineConsolePlugin } from "@wharf/core/web"
import { lazy } from "solid-js"
import { messages } from "./messages"

export default defineConsolePlugin({
  id: "app-catalog",
  nav: [{ path: "/catalog", label: "catalog.nav", order: 20, section: "platform" }],
  routes: [
    { path: "/catalog", component: lazy(() => import("./pages/Catalog")) },
    { path: "/catalog/:name", component: lazy(() => import("./pages/AppPage")) }
  ],
  messages
})
