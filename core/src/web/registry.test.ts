import { describe, expect, it } from "vitest"
import type { Viewer } from "../roles"
import { type ConsolePlugin, defineSlot, fill, homeWidgets } from "./plugin"
import { navFor, slotComponentsOf } from "./registry"

const viewer = (roles: Viewer["roles"]): Viewer => ({
  id: "u1",
  email: "li.wei@example.com",
  name: "李伟",
  locale: "zh-CN",
  roles,
  groups: []
})

const plugins: ReadonlyArray<ConsolePlugin> = [
  {
    id: "identity",
    nav: [
      { path: "/admin/groups", label: "groups", order: 20, section: "admin", roles: ["admin"] },
      { path: "/admin/users", label: "users", order: 10, section: "admin", roles: ["admin"] }
    ]
  },
  {
    id: "helpdesk",
    nav: [
      { path: "/tickets", label: "tickets", order: 10, section: "support" },
      { path: "/queue", label: "queue", order: 5, section: "support", roles: ["agent", "admin"] }
    ]
  },
  { id: "clusters", nav: [{ path: "/clusters", label: "clusters", order: 10, section: "platform" }] },
  { id: "no-nav" }
]

const paths = (groups: ReturnType<typeof navFor>) =>
  groups.map((g) => [g.section, g.entries.map((e) => e.path)])

describe("the navigation built from enabled plugins", () => {
  it("groups entries support, platform, admin, each in its order", () => {
    expect(paths(navFor(plugins, viewer(["admin"])))).toEqual([
      ["support", ["/queue", "/tickets"]],
      ["platform", ["/clusters"]],
      ["admin", ["/admin/users", "/admin/groups"]]
    ])
  })

  it("shows a plain user only the entries without roles, and drops empty sections", () => {
    expect(paths(navFor(plugins, viewer(["user"])))).toEqual([
      ["support", ["/tickets"]],
      ["platform", ["/clusters"]]
    ])
  })

  it("shows an agent the entries for agents", () => {
    expect(paths(navFor(plugins, viewer(["agent"])))[0]).toEqual(["support", ["/queue", "/tickets"]])
  })

  it("shows a visitor who is not signed in nothing but public entries", () => {
    expect(navFor(plugins, null)).toEqual([])
    const withPublic: ReadonlyArray<ConsolePlugin> = [
      ...plugins,
      {
        id: "kb",
        nav: [
          { path: "/kb", label: "kb", order: 1, section: "support", audience: "everyone" },
          { path: "/guest/new", label: "guest", order: 2, section: "support", audience: "visitors" }
        ]
      }
    ]
    expect(paths(navFor(withPublic, null))).toEqual([["support", ["/kb", "/guest/new"]]])
    // A signed-in user sees public entries, but not those meant only for visitors.
    expect(paths(navFor(withPublic, viewer(["user"])))[0]).toEqual(["support", ["/kb", "/tickets"]])
  })

  it("shows the admin of a group, who is no platform admin, the entries for group admins", () => {
    const withGroups: ReadonlyArray<ConsolePlugin> = [
      ...plugins,
      {
        id: "mine",
        nav: [{ path: "/groups", label: "mine", order: 30, section: "admin", audience: "groupAdmins" }]
      }
    ]
    const member = (role: "member" | "admin", roles: Viewer["roles"] = ["user"]): Viewer => ({
      ...viewer(roles),
      groups: [{ id: "g1", name: "data-team", role }]
    })
    expect(paths(navFor(withGroups, member("admin"))).at(-1)).toEqual(["admin", ["/groups"]])
    expect(paths(navFor(withGroups, member("member"))).map(([s]) => s)).not.toContain("admin")
    expect(paths(navFor(withGroups, member("admin", ["admin"]))).at(-1)).toEqual([
      "admin",
      ["/admin/users", "/admin/groups"]
    ])
    expect(navFor(withGroups, null)).toEqual([])
  })

  it("contributes nothing for a plugin that is not enabled", () => {
    const enabled = plugins.filter((p) => p.id !== "helpdesk")
    expect(paths(navFor(enabled, viewer(["admin"]))).map(([s]) => s)).toEqual(["platform", "admin"])
  })
})

describe("slot contributions", () => {
  const elsewhere = defineSlot("kb.aside")
  const widget = (name: string) => Object.assign(() => null, { widgetName: name })
  const names = (list: ReadonlyArray<ConsolePlugin>) =>
    slotComponentsOf(list, homeWidgets).map((c) => (c as unknown as { widgetName: string }).widgetName)

  it("sorts by order whatever the plugin load order; unordered ones follow in load order", () => {
    const loaded: ReadonlyArray<ConsolePlugin> = [
      { id: "helpdesk", slots: [fill(homeWidgets, widget("tickets"), 20)] },
      { id: "contract-test", slots: [fill(homeWidgets, widget("notes"))] },
      { id: "knowledge-base", slots: [fill(homeWidgets, widget("search"), 10)] },
      {
        id: "manuals",
        slots: [
          fill(homeWidgets, widget("releases"), 30),
          fill(homeWidgets, widget("manuals"), 40),
          fill(elsewhere, widget("elsewhere"))
        ]
      },
      { id: "clusters", slots: [fill(homeWidgets, widget("usage"))] }
    ]
    expect(names(loaded)).toEqual(["search", "tickets", "releases", "manuals", "notes", "usage"])
  })

  it("keeps the load order of contributions with the same order", () => {
    const loaded: ReadonlyArray<ConsolePlugin> = [
      { id: "a", slots: [fill(homeWidgets, widget("a1"), 5), fill(homeWidgets, widget("a2"), 5)] },
      { id: "b", slots: [fill(homeWidgets, widget("b1"), 5)] }
    ]
    expect(names(loaded)).toEqual(["a1", "a2", "b1"])
  })
})

describe("slot ids", () => {
  it("check a contribution's props against what the rendering page passes", () => {
    const podLinks = defineSlot<{ readonly pod: string; readonly container: string }>("host.pod.links")
    const Logs = (props: { pod: string; container: string }) => `${props.pod}/${props.container}` as never
    expect(fill(podLinks, Logs, 1)).toEqual({ slot: podLinks, component: Logs, order: 1 })
    // @ts-expect-error a component that needs a prop the page does not pass does not fill the slot
    fill(podLinks, (props: { cluster: string }) => props.cluster as never)
  })
})
