/**
 * @module Slots: places a page leaves for other plugins to fill. The page passes the props
 * its slot declares; every contribution was checked against them when it was written.
 * A `lazy` contribution shows once its code has loaded, the first time its slot is shown.
 */
import { For, type JSX, Show, Suspense } from "solid-js"
import { Dynamic } from "solid-js/web"
import type { SlotId } from "../slots"
import { slotContributions } from "./registry"

/** A slot that passes nothing may be rendered without `props`. */
type SlotProps<Props extends object> = {
  readonly slot: SlotId<Props>
  readonly fallback?: JSX.Element
} & ({} extends Props ? { readonly props?: Props } : { readonly props: Props })

export const Slot = <Props extends object>(props: SlotProps<Props>) => {
  const items = () => slotContributions(props.slot)
  return (
    <Show when={items().length > 0} fallback={props.fallback}>
      <For each={items()}>
        {(item) => {
          const shown = () => <Dynamic component={item} {...((props.props ?? {}) as Props)} />
          // A lazy contribution's code loads under its own boundary: the page and the
          // slot's other contributions do not wait for it, nor go back to loading for it.
          return "preload" in item ? <Suspense>{shown()}</Suspense> : shown()
        }}
      </For>
    </Show>
  )
}
