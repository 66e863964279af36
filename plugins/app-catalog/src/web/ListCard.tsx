/**
 * @module A card listing some of what an app has (its dependencies, dependents, component
 * links), or a line saying it has none.
 */
import { Card } from "@wharf/core/web"
import { For, type JSX, Show } from "solid-js"

export const ListCard = <T,>(props: {
  title: string
  items: ReadonlyArray<T>
  /** What the card says when there is nothing to list. */
  none: string
  /** The list's class: `app-deps` (one column) or `instance-links`. */
  class: string
  children: (item: T) => JSX.Element
}) => (
  <Card title={props.title}>
    <Show when={props.items.length > 0} fallback={<p class="muted">{props.none}</p>}>
      <ul class={props.class}>
        <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
      </ul>
    </Show>
  </Card>
)
