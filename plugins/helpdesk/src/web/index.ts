/**
 * @module The helpdesk console: my tickets (and the home widget), the new-ticket form,
 * ticket pages, support's queue and survey results, admin settings with the mail outbox,
 * and the public guest form and guest link page.
 */
import { defineConsolePlugin, fill, homeWidgets, lazyNamed, signInVisitorLinks } from "@wharf/core/web"
import { lazy } from "solid-js"
import { GuestTicketLink } from "./GuestTicketLink"
import { messages } from "./messages"

const Ticket = lazy(() => import("./pages/Ticket"))
const LatestTickets = lazyNamed(() => import("./LatestTickets"), "LatestTickets")

export default defineConsolePlugin({
  id: "helpdesk",
  nav: [
    { path: "/tickets", label: "helpdesk.nav.mine", order: 20, section: "support" },
    // Signed out, filing a ticket needs no account (seed 001: registering is optional).
    {
      path: "/guest/tickets/new",
      label: "helpdesk.nav.guestNew",
      order: 20,
      section: "support",
      audience: "visitors"
    },
    {
      path: "/support/tickets",
      label: "helpdesk.nav.queue",
      order: 30,
      section: "support",
      roles: ["agent", "admin"]
    },
    {
      path: "/support/surveys",
      label: "helpdesk.nav.surveys",
      order: 40,
      section: "support",
      roles: ["agent", "admin"]
    },
    { path: "/admin/helpdesk", label: "helpdesk.nav.admin", order: 40, section: "admin", roles: ["admin"] }
  ],
  routes: [
    { path: "/tickets", component: lazy(() => import("./pages/MyTickets")) },
    {
      path: "/tickets/new",
      component: lazy(() => import("./pages/NewTicket")),
      forVisitors: "/guest/tickets/new"
    },
    { path: "/tickets/:number", component: Ticket },
    { path: "/support/tickets", component: lazy(() => import("./pages/Queue")), roles: ["agent", "admin"] },
    { path: "/support/tickets/:number", component: Ticket, roles: ["agent", "admin"] },
    { path: "/support/surveys", component: lazy(() => import("./pages/Surveys")), roles: ["agent", "admin"] },
    { path: "/admin/helpdesk", component: lazy(() => import("./pages/Admin")), roles: ["admin"] },
    { path: "/guest/tickets/new", component: lazy(() => import("./pages/GuestNew")), public: true },
    { path: "/guest/tickets/:number", component: lazy(() => import("./pages/GuestTicket")), public: true }
  ],
  // On the home page after the knowledge base's search (10), before the releases (30).
  slots: [
    fill(homeWidgets, LatestTickets, 20),
    // Part of the entry: the sign-in page is a visitor's first screen, and this is one line.
    fill(signInVisitorLinks, GuestTicketLink, 10)
  ],
  messages
})
