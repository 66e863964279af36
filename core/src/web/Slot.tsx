/**
 * @module Slots: named places a page leaves for other plugins to fill.
 */
import { For, type JSX, Show } from "solid-js"
import { Dynamic } from "solid-js/web"
import { slotContributions } from "./registry"

export const Slot = (props: { name: string; context?: Record<string, unknown>; fallback?: JSX.Element }) => {
  const items = () => slotContributions(props.name)
  return (
    <Show when={items().length > 0} fallback={props.fallback}>
      <For each={items()}>{(item) => <Dynamic component={item} {...(props.context ?? {})} />}</For>
    </Show>
  )
}
