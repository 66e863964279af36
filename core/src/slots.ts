/**
 * @module Slot ids: a place a console page leaves for other plugins to fill, and the props it
 * passes them. The plugin whose page renders a slot declares it in its `shared` part; others
 * import it to fill it (`fill` in `@wharf/core/web`), so a contribution is checked against
 * what the page passes. Free of Solid and of server code, so `shared` parts may import it.
 */
export interface SlotId<Props extends object> {
  readonly id: string
  /** Carries `Props` for the type checker only. */
  readonly _props?: Props
}

export const defineSlot = <Props extends object = {}>(id: string): SlotId<Props> => ({ id })
