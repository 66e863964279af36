/**
 * @module Small pieces the identity pages share: role badges, and the dash of an empty cell.
 */
import { Badge, t } from "@wharf/core/web"
import { For } from "solid-js"
import { roleBadges } from "./rules"

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
