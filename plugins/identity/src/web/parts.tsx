/**
 * @module Small pieces the identity pages share: role badges, the dash of an empty cell, and
 * the field for a new password.
 */
import { Badge, TextInput, t } from "@wharf/core/web"
import { For } from "solid-js"
import { MIN_PASSWORD, roleBadges } from "./rules"

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

/** A new password, with the length rule as its hint (a user's own or one an admin sets). */
export const NewPasswordInput = (props: {
  label: string
  value: string
  onInput: (value: string) => void
  error: string | undefined
}) => (
  <TextInput
    label={props.label}
    type="password"
    autocomplete="new-password"
    value={props.value}
    onInput={(e) => props.onInput(e.currentTarget.value)}
    hint={t("identity.users.passwordHint", { min: MIN_PASSWORD })}
    error={props.error}
    required
  />
)
