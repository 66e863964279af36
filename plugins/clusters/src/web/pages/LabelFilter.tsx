/**
 * @module The hosts' label filter: chips for the labels hosts must all carry, and a box
 * to add one (pick from the cluster's labels or type key=value).
 */
import { Button, t } from "@wharf/core/web"
import { createSignal, createUniqueId, For, Show } from "solid-js"
import { type LabelPair, type LabelProblem, parseLabel } from "../../shared/labels"
import type { LabelChoice } from "../../shared/types"
import { describeProblem } from "../api"

export const LabelFilter = (props: {
  pairs: ReadonlyArray<LabelPair>
  choices: ReadonlyArray<LabelChoice>
  onChange: (pairs: ReadonlyArray<LabelPair>) => void
}) => {
  const [text, setText] = createSignal("")
  const [problem, setProblem] = createSignal<LabelProblem>()
  const listId = createUniqueId()
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const parsed = parseLabel(text().trim())
    if ("problem" in parsed) return setProblem(parsed.problem)
    setProblem(undefined)
    setText("")
    if (!props.pairs.some((p) => p.key === parsed.key && p.value === parsed.value))
      props.onChange([...props.pairs, parsed])
  }
  return (
    <div class="label-filter">
      <form class="label-filter-form" onSubmit={add}>
        <input
          class="input"
          list={listId}
          aria-label={t("hosts.filter")}
          placeholder={t("hosts.filterPlaceholder")}
          value={text()}
          aria-invalid={problem() ? "true" : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <datalist id={listId}>
          <For each={props.choices.flatMap((c) => c.values.map((v) => `${c.key}=${v}`))}>
            {(o) => <option value={o} />}
          </For>
        </datalist>
        <Button type="submit" size="sm">
          {t("hosts.addFilter")}
        </Button>
      </form>
      <Show when={problem()}>
        <p class="field-error">{describeProblem(problem()!)}</p>
      </Show>
      <Show when={props.pairs.length > 0}>
        <div class="label-chips">
          <For each={props.pairs}>
            {(p) => (
              <span class="label-chip label-chip-filter">
                {p.key}={p.value}
                <button
                  type="button"
                  class="label-chip-remove"
                  aria-label={t("host.removeLabel", { label: `${p.key}=${p.value}` })}
                  onClick={() => props.onChange(props.pairs.filter((x) => x !== p))}
                >
                  ×
                </button>
              </span>
            )}
          </For>
          <button type="button" class="link-button" onClick={() => props.onChange([])}>
            {t("hosts.clearFilter")}
          </button>
        </div>
      </Show>
    </div>
  )
}
