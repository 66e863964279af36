/**
 * @module The tenants console (platform section): 租客管理 (my quota, tenants, a tenant),
 * the admins' quota page with inline editing, and pod priorities on the host page.
 */

import { defineConsolePlugin, fill, lazyNamed } from "@wharf/core/web"
import { hostSections } from "@wharf/plugin-clusters/shared"
import { lazy } from "solid-js"
import { messages } from "./messages"

const HostPriorities = lazyNamed(() => import("./parts"), "HostPriorities")

export default defineConsolePlugin({
  id: "tenants",
  nav: [
    { path: "/tenants", label: "tenants.nav", order: 40, section: "platform" },
    { path: "/quotas", label: "quotas.nav", order: 45, section: "platform", roles: ["admin"] }
  ],
  routes: [
    { path: "/tenants", component: lazy(() => import("./pages/Tenants")) },
    { path: "/tenants/:id", component: lazy(() => import("./pages/Tenant")) },
    { path: "/quotas", component: lazy(() => import("./pages/Quotas")), roles: ["admin"] }
  ],
  slots: [fill(hostSections, HostPriorities, 10)],
  messages
})
