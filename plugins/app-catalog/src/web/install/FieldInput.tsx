/**
 * @module One setting of an app as the wizard and the 配置 tab show it: typed (numbers with
 * their unit and limits, a choice, a switch, text, an image, environment variable rows), with
 * the definition's label and help in the reader's language.
 */
import { Button, Checkbox, Select, TextInput, t } from "@wharf/core/web"
import { For, Match, Show, Switch } from "solid-js"
import type { ConfigField, EnvRows } from "../../shared/definition"
import { tr } from "../api"
import type { RawValue } from "./draft"
import { problemText } from "./problems"

const NUMERIC = new Set(["int", "number", "cpu", "memory", "storage"])

const labelOf = (f: ConfigField) => (f.unit ? `${tr(f.label)}（${tr(f.unit)}）` : tr(f.label))

const hintOf = (f: ConfigField) => {
  const range =
    f.min !== undefined || f.max !== undefined
      ? t("install.range", { min: f.min ?? "", max: f.max ?? "" })
      : undefined
  return [f.help ? tr(f.help) : undefined, range].filter(Boolean).join(" · ") || undefined
}

export const FieldInput = (props: {
  field: ConfigField
  value: RawValue
  error: string | undefined
  onChange: (value: RawValue) => void
}) => {
  const error = () => (props.error ? problemText(props.error) : undefined)
  return (
    <Switch
      fallback={
        <TextInput
          label={labelOf(props.field)}
          hint={hintOf(props.field)}
          error={error()}
          required={props.field.type === "image"}
          value={String(props.value)}
          spellcheck={false}
          class={props.field.type === "image" ? "input mono" : "input"}
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
      }
    >
      <Match when={NUMERIC.has(props.field.type)}>
        <TextInput
          label={labelOf(props.field)}
          hint={hintOf(props.field)}
          error={error()}
          type="number"
          inputMode={props.field.type === "cpu" || props.field.type === "number" ? "decimal" : "numeric"}
          step={props.field.type === "cpu" ? "0.1" : props.field.type === "number" ? "any" : "1"}
          min={props.field.min}
          max={props.field.max}
          value={String(props.value)}
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
      </Match>
      <Match when={props.field.type === "enum"}>
        <Select
          label={labelOf(props.field)}
          hint={hintOf(props.field)}
          error={error()}
          options={(props.field.options ?? []).map((o) => ({ value: o, label: o }))}
          value={String(props.value)}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      </Match>
      <Match when={props.field.type === "boolean"}>
        <Checkbox
          label={labelOf(props.field)}
          hint={hintOf(props.field)}
          checked={props.value === true || props.value === "true"}
          onChange={(checked) => props.onChange(checked)}
        />
      </Match>
      <Match when={props.field.type === "env"}>
        <EnvRowsInput
          label={labelOf(props.field)}
          rows={Array.isArray(props.value) ? props.value : []}
          error={error()}
          onChange={(rows) => props.onChange(rows)}
        />
      </Match>
    </Switch>
  )
}

/** Environment variables as rows of name and value, added and removed one by one. */
const EnvRowsInput = (props: {
  label: string
  rows: EnvRows
  error: string | undefined
  onChange: (rows: EnvRows) => void
}) => {
  const set = (i: number, part: "name" | "value", text: string) =>
    props.onChange(props.rows.map((r, j) => (j === i ? { ...r, [part]: text } : r)))
  return (
    <fieldset class="field env-rows">
      <legend class="field-label">{props.label}</legend>
      <For each={props.rows}>
        {(row, i) => (
          <div class="env-row">
            <input
              class="input mono"
              aria-label={t("install.envName", { n: i() + 1 })}
              placeholder={t("install.envNamePlaceholder")}
              value={row.name}
              spellcheck={false}
              onInput={(e) => set(i(), "name", e.currentTarget.value)}
            />
            <input
              class="input mono"
              aria-label={t("install.envValue", { n: i() + 1 })}
              placeholder={t("install.envValuePlaceholder")}
              value={row.value}
              spellcheck={false}
              onInput={(e) => set(i(), "value", e.currentTarget.value)}
            />
            <Button
              variant="ghost"
              size="sm"
              aria-label={t("install.envRemove", { n: i() + 1 })}
              onClick={() => props.onChange(props.rows.filter((_, j) => j !== i()))}
            >
              ×
            </Button>
          </div>
        )}
      </For>
      <div>
        <Button size="sm" onClick={() => props.onChange([...props.rows, { name: "", value: "" }])}>
          + {t("install.envAdd")}
        </Button>
      </div>
      <Show when={props.error}>
        <p class="field-error">{props.error}</p>
      </Show>
    </fieldset>
  )
}
