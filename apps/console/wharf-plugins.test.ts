import { describe, expect, it } from "vitest"
import { routesDeclaredIn } from "./wharf-plugins"

describe("the routes a console module declares, for preloading their pages", () => {
  it("reads pages imported in the route and those named before it", () => {
    const source = `
      const Ticket = lazy(() => import("./pages/Ticket"))
      const Home = lazy(() => import("./pages/Home"))
      nav: [{ path: "/tickets", label: "helpdesk.nav.mine" }],
      routes: [
        { path: "/", component: guarded(Home) },
        { path: "/tickets", component: lazy(() => import("./pages/MyTickets")) },
        {
          path: "/tickets/new",
          component: lazy(() => import("./pages/NewTicket")),
          forVisitors: "/guest/tickets/new"
        },
        { path: "/tickets/:number", component: Ticket },
        { path: "/sign-in", component: SignInEagerly }
      ]`
    expect(routesDeclaredIn(source)).toEqual([
      { path: "/", page: "./pages/Home" },
      { path: "/tickets", page: "./pages/MyTickets" },
      { path: "/tickets/new", page: "./pages/NewTicket" },
      { path: "/tickets/:number", page: "./pages/Ticket" }
    ])
  })

  it("counts a home widget as a page of the home page, and no other slot's", () => {
    const source = `
      const LatestTickets = lazyNamed(() => import("./LatestTickets"), "LatestTickets")
      const ReleasesWidget = lazyNamed(
        () => import("./parts"),
        "ReleasesWidget"
      )
      const Deflection = lazyNamed(() => import("./Deflection"), "Deflection")
      slots: [
        fill(homeWidgets, LatestTickets, 20),
        fill(homeWidgets, ReleasesWidget, 30),
        fill(ticketFormAside, Deflection)
      ]`
    expect(routesDeclaredIn(source)).toEqual([
      { path: "/", page: "./LatestTickets" },
      { path: "/", page: "./parts" }
    ])
  })
})
