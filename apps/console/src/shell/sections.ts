/**
 * @module The console's two halves, the support center and the platform, each with its own
 * navigation: which one a page belongs to, and where the switch to a section leads.
 */
import type { NavEntry, Section } from "@wharf/core/web"
import { activeNavPath } from "./activeNav"

export interface NavGroup {
  readonly section: Section
  readonly entries: ReadonlyArray<NavEntry>
}

/** The sections a viewer switches between (admin pages live in a menu of their own). */
export const switchable = (groups: ReadonlyArray<NavGroup>) => groups.filter((g) => g.section !== "admin")

/**
 * The section of the page at `pathname`: the one holding the page's nav entry; for a page
 * in none (the profile, a 404), the section the viewer was last in, else the first.
 */
export const sectionOf = (
  groups: ReadonlyArray<NavGroup>,
  pathname: string,
  last: Section | undefined
): Section | undefined => {
  const halves = switchable(groups)
  const active = activeNavPath(
    halves.flatMap((g) => g.entries.map((e) => e.path)),
    pathname
  )
  const owner = halves.find((g) => g.entries.some((e) => e.path === active))
  if (owner) return owner.section
  return halves.find((g) => g.section === last)?.section ?? halves[0]?.section
}

/** Where the section switch leads: the section's first entry (its landing page). */
export const landingOf = (group: NavGroup) => group.entries[0]?.path ?? "/"
