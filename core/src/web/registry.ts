/**
 * @module The console plugins loaded in this session, and what they contribute.
 */
import { createSignal } from "solid-js"
import { hasRole, type Viewer } from "../roles"
import type { SlotId } from "../slots"
import { addMessages } from "./i18n"
import type { ConsolePlugin, ConsoleRoute, NavEntry, Section, SlotComponent } from "./plugin"
import { setSessionClient } from "./session-client"

const [plugins, setPlugins] = createSignal<ReadonlyArray<ConsolePlugin>>([])

export const loadedPlugins = plugins

export const registerPlugins = (list: ReadonlyArray<ConsolePlugin>) => {
  for (const p of list) if (p.messages) addMessages(p.messages)
  setSessionClient(list.find((p) => p.session)?.session ?? null)
  setPlugins(list)
}

/** The sidebar's sections, in order (`account` entries live in the user menu). */
export const SECTIONS: ReadonlyArray<Section> = ["support", "platform", "admin"]

const allowed = (viewer: Viewer | null, entry: NavEntry) => {
  const audience = entry.audience ?? "members"
  if (!viewer) return audience === "everyone" || audience === "visitors"
  if (audience === "visitors") return false
  if (audience === "groupAdmins") {
    return !hasRole(viewer, "admin") && viewer.groups.some((g) => g.role === "admin")
  }
  return !entry.roles || entry.roles.length === 0 || hasRole(viewer, ...entry.roles)
}

/** The entries of one section the viewer may see, in order. */
export const entriesFor = (list: ReadonlyArray<ConsolePlugin>, viewer: Viewer | null, section: Section) =>
  list
    .flatMap((p) => p.nav ?? [])
    .filter((e) => e.section === section && allowed(viewer, e))
    .sort((a, b) => a.order - b.order)

/** The sidebar's entries the viewer may see, grouped by section, each section in order. */
export const navFor = (list: ReadonlyArray<ConsolePlugin>, viewer: Viewer | null) =>
  SECTIONS.map((section) => ({ section, entries: entriesFor(list, viewer, section) })).filter(
    (g) => g.entries.length > 0
  )

export const routesOf = (list: ReadonlyArray<ConsolePlugin>): ReadonlyArray<ConsoleRoute> =>
  list.flatMap((p) => p.routes ?? [])

/** The components `list`'s plugins put in `slot`, by their `order` (stable for equal ones). */
export const slotComponentsOf = <Props extends object>(
  list: ReadonlyArray<ConsolePlugin>,
  slot: SlotId<Props>
): ReadonlyArray<SlotComponent<Props>> =>
  list
    .flatMap((p) => (p.slots ?? []).filter((c) => c.slot.id === slot.id))
    .map((c) => ({ component: c.component, order: c.order ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => (a.order === b.order ? 0 : a.order < b.order ? -1 : 1))
    .map((c) => c.component)

export const slotContributions = <Props extends object>(slot: SlotId<Props>) =>
  slotComponentsOf(plugins(), slot)
