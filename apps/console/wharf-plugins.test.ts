import { describe, expect, it } from "vitest"
import { contributionsIn, preloadedModules, routesDeclaredIn } from "./wharf-plugins"

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

  it("preloads with a page the contributions to the slots it shows itself, and no other slot's", () => {
    const entry = `
      const LatestTickets = lazyNamed(() => import("./LatestTickets"), "LatestTickets")
      const ManualsCard = lazyNamed(
        () => import("./parts"),
        "ManualsCard"
      )
      const Deflection = lazyNamed(() => import("./Deflection"), "Deflection")
      slots: [
        fill(homeWidgets, LatestTickets, 20),
        fill(kbAside, ManualsCard),
        fill(ticketFormAside, Deflection)
      ]`
    expect(contributionsIn(entry)).toEqual([
      { slot: "homeWidgets", page: "./LatestTickets" },
      { slot: "kbAside", page: "./parts" },
      { slot: "ticketFormAside", page: "./Deflection" }
    ])
    const sources: Record<string, string> = {
      "/kb/KbHome.tsx": `<Page title={t("kb.title")}><Slot slot={kbAside} /></Page>`,
      "/helpdesk/Ticket.tsx": `<Page title={title()}><Replies /></Page>`
    }
    const routes = [
      { path: "/kb", module: "/kb/KbHome.tsx" },
      { path: "/tickets/:number", module: "/helpdesk/Ticket.tsx" }
    ]
    const fills = contributionsIn(entry).map((f) => ({ slot: f.slot, module: `/m${f.page.slice(1)}.tsx` }))
    expect(preloadedModules(routes, fills, (m) => sources[m] ?? "")).toEqual([
      { path: "/kb", module: "/kb/KbHome.tsx" },
      { path: "/kb", module: "/m/parts.tsx" },
      { path: "/tickets/:number", module: "/helpdesk/Ticket.tsx" }
    ])
  })
})
