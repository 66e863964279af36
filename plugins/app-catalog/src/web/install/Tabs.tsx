/**
 * @module Tabs as WAI-ARIA describes them: one tab stop, arrow keys (and Home/End) move between
 * tabs, the panel is labelled by its tab. Used by the wizard and the instance page.
 */
import { t } from "@wharf/core/web"
import { createUniqueId, For, type JSX } from "solid-js"

export interface TabItem<Id extends string> {
  readonly id: Id
  readonly label: string
  /** How many problems the tab holds, shown after the label. */
  readonly mark?: string | undefined
}

export const Tabs = <Id extends string>(props: {
  label: string
  tabs: ReadonlyArray<TabItem<Id>>
  selected: Id
  onSelect: (id: Id) => void
  children: JSX.Element
}) => {
  const base = createUniqueId()
  let list: HTMLDivElement | undefined
  const move = (e: KeyboardEvent, index: number) => {
    const n = props.tabs.length
    const next =
      e.key === "ArrowRight"
        ? (index + 1) % n
        : e.key === "ArrowLeft"
          ? (index - 1 + n) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : -1
    if (next < 0) return
    e.preventDefault()
    const tab = props.tabs[next]
    if (!tab) return
    props.onSelect(tab.id)
    list?.querySelectorAll<HTMLButtonElement>("[role=tab]")[next]?.focus()
  }
  return (
    <div class="tabs">
      <div class="tab-list" role="tablist" aria-label={props.label} ref={list}>
        <For each={props.tabs}>
          {(tab, i) => (
            <button
              type="button"
              role="tab"
              class="tab"
              id={`${base}-${tab.id}`}
              aria-selected={tab.id === props.selected}
              aria-label={tab.mark ? t("install.tabProblems", { tab: tab.label, n: tab.mark }) : undefined}
              aria-controls={`${base}-panel`}
              tabIndex={tab.id === props.selected ? 0 : -1}
              onClick={() => props.onSelect(tab.id)}
              onKeyDown={(e) => move(e, i())}
            >
              {tab.label}
              {tab.mark ? (
                <span class="tab-mark" aria-hidden="true">
                  {tab.mark}
                </span>
              ) : null}
            </button>
          )}
        </For>
      </div>
      <div
        class="tab-panel"
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-${props.selected}`}
      >
        {props.children}
      </div>
    </div>
  )
}
