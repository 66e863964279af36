/**
 * @module The manuals plugin's console: manual pages with a version switcher, the
 * release announcements page, the latest manuals on the knowledge base page and the
 * newest releases on the home page.
 */

import { defineConsolePlugin, fill, homeWidgets, lazyNamed } from "@wharf/core/web"
import { kbAside, kbSearchAside } from "@wharf/plugin-knowledge-base/shared"
import { lazy } from "solid-js"
import { messages } from "./messages"

const manualPage = lazy(() => import("./pages/ManualPage"))
const ManualHits = lazyNamed(() => import("./ManualHits"), "ManualHits")
const ManualsCard = lazyNamed(() => import("./parts"), "ManualsCard")
const ReleasesWidget = lazyNamed(() => import("./parts"), "ReleasesWidget")

export default defineConsolePlugin({
  id: "manuals",
  nav: [
    { path: "/manuals", label: "manuals.card", order: 35, section: "support", audience: "everyone" },
    { path: "/releases", label: "manuals.nav.releases", order: 40, section: "support", audience: "everyone" }
  ],
  routes: [
    { path: "/manuals", component: lazy(() => import("./pages/Manuals")), public: true },
    { path: "/manuals/:product/:version", component: manualPage, public: true },
    { path: "/manuals/:product/:version/:slug", component: manualPage, public: true },
    { path: "/releases", component: lazy(() => import("./pages/Releases")), public: true }
  ],
  // The support center's home shows the releases and the manuals, as the KB page does.
  slots: [
    fill(kbAside, ManualsCard),
    fill(kbSearchAside, ManualHits),
    // After the knowledge base's search (10) and the latest tickets (20).
    fill(homeWidgets, ReleasesWidget, 30),
    fill(homeWidgets, ManualsCard, 40)
  ],
  messages
})
