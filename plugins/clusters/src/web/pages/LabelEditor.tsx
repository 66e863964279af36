/**
 * @module A host's labels (the seed's 主机标签): remove one, add one the cluster already
 * has or a new key=value (checked as a Kubernetes label as you type), then save: one
 * merge patch with what was set and removed.
 */
import { Button, Card, t } from "@wharf/core/web"
import { createMemo, createSignal, createUniqueId, For, Show } from "solid-js"
import { type LabelProblem, parseLabel } from "../../shared/labels"
import type { LabelChoice } from "../../shared/types"
import { describeProblem } from "../api"

export interface LabelEdits {
  readonly set: Record<string, string>
  readonly remove: ReadonlyArray<string>
}

export const LabelEditor = (props: {
  labels: Readonly<Record<string, string>>
  choices: ReadonlyArray<LabelChoice>
  canEdit: boolean
  saving: boolean
  onSave: (edits: LabelEdits) => Promise<boolean>
}) => {
  const [added, setAdded] = createSignal<Record<string, string>>({})
  const [removed, setRemoved] = createSignal<ReadonlyArray<string>>([])
  const [text, setText] = createSignal("")
  const [problem, setProblem] = createSignal<LabelProblem>()
  const listId = createUniqueId()
  const shown = createMemo(() => {
    const out: Record<string, string> = { ...props.labels, ...added() }
    for (const k of removed()) delete out[k]
    return Object.entries(out).sort(([a], [b]) => a.localeCompare(b))
  })
  const dirty = () => Object.keys(added()).length > 0 || removed().length > 0
  const suggestions = createMemo(() =>
    props.choices.flatMap((c) => c.values.map((v) => (v ? `${c.key}=${v}` : `${c.key}=`)))
  )
  const isNew = () => {
    const parsed = parseLabel(text().trim())
    return !("problem" in parsed) && !props.choices.some((c) => c.key === parsed.key)
  }

  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const parsed = parseLabel(text().trim())
    if ("problem" in parsed) return setProblem(parsed.problem)
    setProblem(undefined)
    setText("")
    setRemoved((r) => r.filter((k) => k !== parsed.key))
    if (props.labels[parsed.key] !== parsed.value) setAdded((a) => ({ ...a, [parsed.key]: parsed.value }))
  }
  const remove = (key: string) => {
    if (key in added()) {
      const { [key]: _, ...rest } = added()
      setAdded(rest)
    }
    if (key in props.labels) setRemoved((r) => [...r, key])
  }
  const save = async () => {
    const ok = await props.onSave({ set: added(), remove: removed() })
    if (ok) {
      setAdded({})
      setRemoved([])
    }
  }
  const discard = () => {
    setAdded({})
    setRemoved([])
  }

  return (
    <Card
      title={t("host.labels")}
      actions={
        <Show when={props.canEdit}>
          <Show when={dirty()}>
            <span class="muted unsaved">{t("host.unsaved")}</span>
            <Button size="sm" variant="ghost" onClick={discard}>
              {t("host.discard")}
            </Button>
          </Show>
          <Button size="sm" variant="primary" disabled={!dirty()} loading={props.saving} onClick={save}>
            {t("host.save")}
          </Button>
        </Show>
      }
    >
      <div class="label-chips">
        <For each={shown()}>
          {([k, v]) => (
            <span class={`label-chip ${k in added() ? "label-chip-new" : ""}`}>
              {v ? `${k}=${v}` : k}
              <Show when={props.canEdit}>
                <button
                  type="button"
                  class="label-chip-remove"
                  aria-label={t("host.removeLabel", { label: k })}
                  onClick={() => remove(k)}
                >
                  ×
                </button>
              </Show>
            </span>
          )}
        </For>
      </div>
      <Show when={props.canEdit}>
        <form class="label-filter-form label-add" onSubmit={add}>
          <input
            class="input mono"
            list={listId}
            aria-label={t("host.labelInput")}
            placeholder="key=value"
            value={text()}
            aria-invalid={problem() ? "true" : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value)
              setProblem(undefined)
            }}
          />
          <datalist id={listId}>
            <For each={suggestions()}>{(o) => <option value={o} />}</For>
          </datalist>
          <Button type="submit" size="sm">
            {isNew() ? t("host.newLabel") : t("host.addLabel")}
          </Button>
        </form>
        <Show when={problem()} fallback={<p class="field-hint">{t("host.labelsHint")}</p>}>
          <p class="field-error" role="alert">
            {describeProblem(problem()!)}
          </p>
        </Show>
      </Show>
    </Card>
  )
}
