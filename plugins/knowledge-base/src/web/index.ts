/**
 * @module The knowledge base's console: the public search page and articles, the
 * editors' pages, and the ticket form's deflection aside.
 */
import { defineConsolePlugin, fill, homeWidgets, lazyNamed } from "@wharf/core/web"
import { ticketFormAside } from "@wharf/plugin-helpdesk/shared"
import { lazy } from "solid-js"
import { messages } from "./messages"

const KbHomeWidget = lazyNamed(() => import("./HomeWidget"), "KbHomeWidget")
/** The ticket form's aside: articles that may answer the ticket being written. */
export const Deflection = lazyNamed(() => import("./Deflection"), "Deflection")

export default defineConsolePlugin({
  id: "knowledge-base",
  nav: [
    { path: "/kb", label: "kb.nav", order: 10, section: "support", audience: "everyone" },
    { path: "/kb/editor", label: "kb.nav.editor", order: 30, section: "support", roles: ["admin", "agent"] },
    { path: "/admin/kb/quick-links", label: "kb.quick.nav", order: 50, section: "admin", roles: ["admin"] }
  ],
  routes: [
    { path: "/kb", component: lazy(() => import("./pages/KbHome")), public: true },
    { path: "/kb/articles/:id", component: lazy(() => import("./pages/ArticlePage")), public: true },
    { path: "/kb/editor", component: lazy(() => import("./pages/Editor")), roles: ["admin", "agent"] },
    {
      path: "/kb/editor/new",
      component: lazy(() => import("./pages/EditArticle")),
      roles: ["admin", "agent"]
    },
    {
      path: "/kb/editor/:id",
      component: lazy(() => import("./pages/EditArticle")),
      roles: ["admin", "agent"]
    },
    {
      path: "/admin/kb/quick-links",
      component: lazy(() => import("./pages/QuickLinks")),
      roles: ["admin"]
    },
    {
      path: "/kb/editor/:id/history",
      component: lazy(() => import("./pages/History")),
      roles: ["admin", "agent"]
    }
  ],
  slots: [
    // First on the home page: the support center opens with its search box and quick links
    // (then the latest tickets 20, releases 30, manuals 40, anything else).
    fill(homeWidgets, KbHomeWidget, 10),
    fill(ticketFormAside, Deflection)
  ],
  messages
})
