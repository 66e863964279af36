/**
 * @module Checkboxes and radio groups. A group is a <fieldset> with a <legend>, so a
 * screen reader announces the question with each choice; hint and error as in `Field`.
 */
import { createUniqueId, For, Show } from "solid-js"

export interface Choice<V extends string> {
  readonly value: V
  readonly label: string
  readonly disabled?: boolean
}

/** Checkboxes (pick several) or radios (pick one) under one legend. */
export const ChoiceGroup = <V extends string>(props: {
  legend: string
  type: "checkbox" | "radio"
  options: ReadonlyArray<Choice<V>>
  selected: ReadonlyArray<V>
  onChange: (value: V, checked: boolean) => void
  hint?: string | undefined
  error?: string | undefined
  required?: boolean
}) => {
  const id = createUniqueId()
  const describedBy = () =>
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  return (
    <fieldset
      class="field choices"
      aria-describedby={describedBy()}
      aria-invalid={props.error ? "true" : undefined}
    >
      <legend class="field-label">
        {props.legend}
        <Show when={props.required}>
          <span class="required" aria-hidden="true">
            {" "}
            *
          </span>
        </Show>
      </legend>
      <div class="choice-row">
        <For each={props.options}>
          {(o) => (
            <label class="choice" classList={{ "choice-disabled": o.disabled ?? false }}>
              <input
                type={props.type}
                name={id}
                value={o.value}
                checked={props.selected.includes(o.value)}
                disabled={o.disabled}
                onChange={(e) => props.onChange(o.value, e.currentTarget.checked)}
              />
              <span>{o.label}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.hint}>
        <p id={`${id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </fieldset>
  )
}

/** One checkbox, its label on the right, a hint below. */
export const Checkbox = (props: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: string | undefined
  disabled?: boolean
}) => {
  const id = createUniqueId()
  return (
    <div class="field">
      <label class="choice" classList={{ "choice-disabled": props.disabled ?? false }}>
        <input
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
      <Show when={props.hint}>
        <p id={`${id}-hint`} class="field-hint choice-hint">
          {props.hint}
        </p>
      </Show>
    </div>
  )
}
