/**
 * @module Form fields: one label, one hint, one error text, for every input in the console.
 */
import { createEffect, createUniqueId, For, type JSX, Show, splitProps } from "solid-js"

export interface FieldProps {
  readonly label: string
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly required?: boolean
  /** Renders the control with the ids that tie it to its label, hint and error. */
  readonly children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => JSX.Element
}

export const Field = (props: FieldProps) => {
  const id = createUniqueId()
  const describedBy = () =>
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  return (
    <div class="field">
      <label for={id} class="field-label">
        {props.label}
        <Show when={props.required}>
          <span class="required" aria-hidden="true">
            {" "}
            *
          </span>
        </Show>
      </label>
      {props.children({ id, describedBy: describedBy(), invalid: Boolean(props.error) })}
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
    </div>
  )
}

/** What every labelled control takes besides its element's own attributes. */
interface Labels {
  label: string
  hint?: string | undefined
  error?: string | undefined
  required?: boolean | undefined
}

/** The attributes that tie a control to its label, hint and error. */
type Tied = { id: string; "aria-describedby": string | undefined; "aria-invalid": "true" | undefined }

/** A control inside its `Field`: every input, textarea and select is labelled the same way. */
const LabelledControl = (props: { labels: Labels; children: (tied: Tied) => JSX.Element }) => (
  <Field
    label={props.labels.label}
    hint={props.labels.hint}
    error={props.labels.error}
    required={props.labels.required ?? false}
  >
    {(ids) =>
      props.children({
        id: ids.id,
        "aria-describedby": ids.describedBy,
        "aria-invalid": ids.invalid ? "true" : undefined
      })
    }
  </Field>
)

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & Labels

export const TextInput = (props: InputProps) => {
  const [own, rest] = splitProps(props, ["label", "hint", "error", "required"])
  return (
    <LabelledControl labels={own}>
      {(tied) => <input class="input" {...tied} required={own.required} {...rest} />}
    </LabelledControl>
  )
}

type TextareaProps = JSX.TextareaHTMLAttributes<HTMLTextAreaElement> & Labels

export const Textarea = (props: TextareaProps) => {
  const [own, rest] = splitProps(props, ["label", "hint", "error", "required"])
  return (
    <LabelledControl labels={own}>
      {(tied) => <textarea class="input textarea" {...tied} required={own.required} {...rest} />}
    </LabelledControl>
  )
}

type SelectProps = JSX.SelectHTMLAttributes<HTMLSelectElement> &
  Labels & { options: ReadonlyArray<{ value: string; label: string }> }

export const Select = (props: SelectProps) => {
  const [own, rest] = splitProps(props, ["label", "hint", "error", "options", "required", "value", "ref"])
  let select: HTMLSelectElement | undefined
  // A <select> keeps only a value one of its options has: apply the value once the options
  // are in the DOM (effects run after rendering), and again whenever either changes, so a
  // value that arrives with late options is shown rather than the first option.
  createEffect(() => {
    const value = own.value
    own.options.length
    if (select && value !== undefined) select.value = String(value)
  })
  return (
    <LabelledControl labels={own}>
      {(tied) => (
        <select
          class="input"
          {...tied}
          {...rest}
          ref={(el) => {
            select = el
            if (typeof own.ref === "function") (own.ref as (el: HTMLSelectElement) => void)(el)
          }}
        >
          <For each={own.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
        </select>
      )}
    </LabelledControl>
  )
}

/** A search box that does not submit a form. */
export const SearchInput = (props: {
  value: string
  onInput: (value: string) => void
  placeholder: string
  label: string
}) => (
  <input
    type="search"
    class="input search-input"
    aria-label={props.label}
    placeholder={props.placeholder}
    value={props.value}
    onInput={(e) => props.onInput(e.currentTarget.value)}
  />
)
