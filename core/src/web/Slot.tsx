/**
 * @module Slots: places a page leaves for other plugins to fill. The page passes the props
 * its slot declares; every contribution was checked against them when it was written.
 */
import { For, type JSX, Show } from "solid-js"
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
      <For each={items()}>{(item) => <Dynamic component={item} {...((props.props ?? {}) as Props)} />}</For>
    </Show>
  )
}
