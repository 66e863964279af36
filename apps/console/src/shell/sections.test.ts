import type { NavEntry } from "@wharf/core/web"
import { describe, expect, it } from "vitest"
import { landingOf, type NavGroup, sectionOf } from "./sections"

const entry = (path: string, section: NavEntry["section"]): NavEntry => ({
  path,
  label: path,
  order: 0,
  section
})
const groups: ReadonlyArray<NavGroup> = [
  {
    section: "support",
    entries: [entry("/", "support"), entry("/tickets", "support"), entry("/kb", "support")]
  },
  { section: "platform", entries: [entry("/tenants", "platform"), entry("/clusters", "platform")] },
  { section: "admin", entries: [entry("/admin/users", "admin")] }
]

describe("which half of the console a page is in", () => {
  it("is the section holding the page's entry, sub-pages included", () => {
    expect(sectionOf(groups, "/clusters/default/hosts", undefined)).toBe("platform")
    expect(sectionOf(groups, "/tickets/10023", "platform")).toBe("support")
    expect(sectionOf(groups, "/", "platform")).toBe("support")
  })

  it("stays where the viewer was for pages in no section (profile, admin pages)", () => {
    expect(sectionOf(groups, "/profile", "platform")).toBe("platform")
    expect(sectionOf(groups, "/admin/users", "platform")).toBe("platform")
    expect(sectionOf(groups, "/profile", undefined)).toBe("support")
  })

  it("switches to a section's first page", () => {
    expect(landingOf(groups[1]!)).toBe("/tenants")
  })
})
