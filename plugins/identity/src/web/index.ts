/**
 * @module The identity plugin's console: admin pages for users and groups, the members of
 * the groups a user is an admin of, each user's profile (name, language, password, API tokens),
 * and the console's session client (sign-in, sign-out, the CSRF token).
 */
import { defineConsolePlugin } from "@wharf/core/web"
import { lazy } from "solid-js"
import { messages } from "./messages"
import { identitySession } from "./session"
// The pages' few styles of their own, loaded with the plugin (2 KB), whichever page opens first.
import "./identity.css"

export default defineConsolePlugin({
  id: "identity",
  nav: [
    { path: "/admin/users", label: "identity.nav.users", order: 10, section: "admin", roles: ["admin"] },
    { path: "/admin/groups", label: "identity.nav.groups", order: 20, section: "admin", roles: ["admin"] },
    // A group's own admins manage its members here (platform admins use Admin › Groups).
    { path: "/groups", label: "identity.nav.myGroups", order: 30, section: "admin", audience: "groupAdmins" },
    { path: "/profile", label: "identity.nav.profile", order: 10, section: "account" }
  ],
  routes: [
    { path: "/admin/users", component: lazy(() => import("./pages/Users")), roles: ["admin"] },
    { path: "/admin/groups", component: lazy(() => import("./pages/Groups")), roles: ["admin"] },
    { path: "/admin/groups/:id", component: lazy(() => import("./pages/Group")), roles: ["admin"] },
    { path: "/groups", component: lazy(() => import("./pages/MyGroups")) },
    { path: "/groups/:id", component: lazy(() => import("./pages/MyGroup")) },
    { path: "/profile", component: lazy(() => import("./pages/Profile")) }
  ],
  messages,
  session: identitySession
})
