/**
 * @module The support plugin's console: scope and channels, premium services, FAQ.
 */
import { defineConsolePlugin, fill, signInVisitorLinks } from "@wharf/core/web"
import { lazy } from "solid-js"
import { BrowseLink } from "./BrowseLink"
import { messages } from "./messages"

export default defineConsolePlugin({
  id: "support",
  nav: [
    // The public front of the support center: where a signed-out visitor's logo leads.
    {
      path: "/support",
      label: "support.nav",
      order: 50,
      section: "support",
      audience: "everyone",
      front: true
    },
    {
      path: "/support/services",
      label: "support.nav.services",
      order: 55,
      section: "support",
      audience: "everyone"
    },
    { path: "/support/faq", label: "support.nav.faq", order: 60, section: "support", audience: "everyone" }
  ],
  routes: [
    { path: "/support", component: lazy(() => import("./pages/SupportHome")), public: true },
    { path: "/support/services", component: lazy(() => import("./pages/Services")), public: true },
    { path: "/support/faq", component: lazy(() => import("./pages/Faq")), public: true }
  ],
  slots: [fill(signInVisitorLinks, BrowseLink, 20)],
  messages
})
