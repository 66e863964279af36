/**
 * @module The console side of the plugin contract: what a plugin adds to the one console
 * (nav entries, lazy pages, slot contributions, messages in zh-CN and en).
 */
import { type Component, type JSX, lazy } from "solid-js"
import type { Role } from "../roles"
import { defineSlot, type SlotId } from "../slots"
import type { SessionClient } from "./session-client"

export { defineSlot, type SlotId }

/**
 * Where a nav entry shows: one of the sidebar's sections, or `account`, the user menu
 * (the viewer's own pages, such as their profile).
 */
export type Section = "support" | "platform" | "admin" | "account"

export interface NavEntry {
  /** Route path the entry opens, e.g. `/admin/users`. */
  readonly path: string
  /** Message key of the label. */
  readonly label: string
  /** Position in its section; lower comes first. */
  readonly order: number
  readonly section: Section
  /** Only viewers with one of these roles see the entry (default: every signed-in user). */
  readonly roles?: ReadonlyArray<Role>
  /**
   * Who sees the entry: signed-in `members` (the default), `everyone` (public pages such as
   * the knowledge base), signed-out `visitors` only (the guest ticket form), or `groupAdmins`:
   * admins of a group who are not platform admins (these manage every group elsewhere).
   */
  readonly audience?: "members" | "everyone" | "visitors" | "groupAdmins"
  /** The public front: where a signed-out visitor's logo leads (the first such entry wins;
   * with none, the first entry visitors see, else sign-in). */
  readonly front?: boolean
}

export interface ConsoleRoute {
  readonly path: string
  /** A `lazy(() => import("./pages/X"))` component, so plugin pages load on demand. */
  readonly component: Component<any>
  /** Pages anyone may open without signing in (guest ticket form, public KB). */
  readonly public?: boolean
  readonly roles?: ReadonlyArray<Role>
  /** Where a signed-out visitor goes instead of signing in (`/tickets/new` → the guest form). */
  readonly forVisitors?: string
}

export type SlotComponent<Props extends object = any> = (props: Props) => JSX.Element

/**
 * What a plugin puts in a slot: a component, with an `order` (lower first, like nav entries).
 * Like a page, the component is best `lazy` (see `lazyNamed`): the plugin's entry is loaded
 * when the console starts, its slot components only when a page shows their slot.
 */
export interface SlotContribution {
  readonly slot: SlotId<any>
  readonly component: SlotComponent
  /** Unordered ones come after every ordered one, in plugin load order. */
  readonly order?: number
}

/** Fill `slot` with `component`, which must accept the props the slot's page passes. */
export const fill = <Props extends object>(
  slot: SlotId<Props>,
  component: (props: NoInfer<Props>) => JSX.Element,
  order?: number
): SlotContribution => (order === undefined ? { slot, component } : { slot, component, order })

/**
 * A component `load`'s module exports as `name`, loaded the first time it is shown: `lazy`
 * for a module that exports several (`lazy` takes a default export).
 */
export const lazyNamed = <M extends Record<K, Component<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K
) => lazy(() => load().then((m) => ({ default: m[name] })))

/** The console shell's home page: widgets, by their order. */
export const homeWidgets = defineSlot("home.widgets")

/** The sign-in page: ways in for a visitor without an account (a guest ticket, the public pages). */
export const signInVisitorLinks = defineSlot("sign-in.visitor")

export interface Messages {
  readonly "zh-CN": Record<string, string>
  readonly en: Record<string, string>
}

export interface ConsolePlugin {
  readonly id: string
  readonly nav?: ReadonlyArray<NavEntry>
  readonly routes?: ReadonlyArray<ConsoleRoute>
  readonly slots?: ReadonlyArray<SlotContribution>
  readonly messages?: Messages
  /**
   * How the console signs people in and keeps their session: contributed by the one plugin
   * that owns sessions (identity); core calls it and never names that plugin.
   */
  readonly session?: SessionClient
}

export const defineConsolePlugin = <const P extends ConsolePlugin>(plugin: P): P => plugin
