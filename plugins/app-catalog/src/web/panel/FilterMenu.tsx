/**
 * @module The control panel's ▼ filter menu: labels of cluster, status and namespace to tick,
 * 0..n per dimension. A disclosure, not a modal: Esc or a click elsewhere closes it.
 */
import { Button, ChoiceGroup, t } from "@wharf/core/web"
import { createSignal, For, onCleanup, onMount, Show } from "solid-js"
import { DIMENSIONS, type Dimension } from "./grouping"

export const FilterMenu = (props: {
  options: Record<Dimension, ReadonlyArray<{ value: string; label: string }>>
  selected: (d: Dimension) => ReadonlyArray<string>
  onToggle: (d: Dimension, value: string, on: boolean) => void
  onClear: () => void
}) => {
  const [open, setOpen] = createSignal(false)
  let root: HTMLDivElement | undefined
  const count = () => DIMENSIONS.reduce((n, d) => n + props.selected(d).length, 0)
  onMount(() => {
    const away = (e: MouseEvent) => {
      if (root && !root.contains(e.target as Node)) setOpen(false)
    }
    const onEscape = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false)
    }
    document.addEventListener("click", away)
    document.addEventListener("keydown", onEscape)
    onCleanup(() => {
      document.removeEventListener("click", away)
      document.removeEventListener("keydown", onEscape)
    })
  })
  return (
    <div class="filter-menu" ref={root}>
      <Button aria-expanded={open()} aria-controls="panel-filters" onClick={() => setOpen(!open())}>
        {count() > 0 ? t("panel.filterCount", { n: count() }) : t("panel.filter")} ▾
      </Button>
      <Show when={open()}>
        <fieldset id="panel-filters" class="filter-popover">
          <legend class="visually-hidden">{t("panel.filter")}</legend>
          <For each={DIMENSIONS}>
            {(d) => (
              <ChoiceGroup<string>
                legend={t(`panel.dim.${d}`)}
                type="checkbox"
                options={props.options[d]}
                selected={props.selected(d)}
                onChange={(value, on) => props.onToggle(d, value, on)}
                hint={props.options[d].length === 0 ? t("panel.noValues") : undefined}
              />
            )}
          </For>
          <p class="field-hint">{t("panel.filterRule")}</p>
          <div class="install-actions">
            <Button size="sm" variant="ghost" disabled={count() === 0} onClick={() => props.onClear()}>
              {t("panel.clearFilters")}
            </Button>
          </div>
        </fieldset>
      </Show>
    </div>
  )
}
