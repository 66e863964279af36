/**
 * @module The knowledge base's console: the public search page and articles, the
 * editors' pages, and the ticket form's deflection aside.
 */
import { defineConsolePlugin } from "@wharf/core/web"
import { lazy } from "solid-js"
import { Deflection } from "./Deflection"
import { messages } from "./messages"

export default defineConsolePlugin({
  id: "knowledge-base",
  nav: [
    { path: "/kb", label: "kb.nav", order: 20, section: "support" },
    { path: "/kb/editor", label: "kb.nav.editor", order: 30, section: "support", roles: ["admin", "agent"] }
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
      path: "/kb/editor/:id/history",
      component: lazy(() => import("./pages/History")),
      roles: ["admin", "agent"]
    }
  ],
  slots: {
    "ticket.form.aside": [Deflection as (props: Record<string, unknown>) => ReturnType<typeof Deflection>]
  },
  messages
})

export { Deflection } from "./Deflection"
