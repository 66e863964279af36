/**
 * @module Small pieces the identity pages share. The core kit has one-control fields
 * only; the checkbox and radio groups here are built on <fieldset>/<legend> so a screen
 * reader announces the group's question with each choice.
 */
import { Badge, t } from "@wharf/core/web"
import { createUniqueId, For, Show } from "solid-js"
import { roleBadges } from "./rules"
import "./identity.css"

export interface Choice<V extends string> {
  readonly value: V
  readonly label: string
  readonly disabled?: boolean
}

/** Checkboxes (pick several) or radios (pick one) under one legend, with a hint and an error. */
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
      class="field idn-choices"
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
      <div class="idn-choice-row">
        <For each={props.options}>
          {(o) => (
            <label class="idn-choice" classList={{ "idn-choice-disabled": o.disabled ?? false }}>
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

/** One checkbox with its label on the right and a hint below. */
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
      <label class="idn-choice" classList={{ "idn-choice-disabled": props.disabled ?? false }}>
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
        <p id={`${id}-hint`} class="field-hint idn-checkbox-hint">
          {props.hint}
        </p>
      </Show>
    </div>
  )
}

/** A form's failure that belongs to no single field (duplicate email, no such user...). */
export const FormError = (props: { message: string | undefined }) => (
  <Show when={props.message}>
    <div class="notice notice-error" role="alert">
      {props.message}
    </div>
  </Show>
)

export const RoleBadges = (props: { roles: ReadonlyArray<string> }) => (
  <span class="idn-badges">
    <For each={roleBadges(props.roles)}>{(b) => <Badge tone={b.tone}>{t(b.label)}</Badge>}</For>
  </span>
)

/** A dash for an empty cell, so a table never shows a blank that looks like a bug. */
export const None = () => (
  <span class="muted">
    <span aria-hidden="true">—</span>
    <span class="visually-hidden">{t("identity.none")}</span>
  </span>
)
