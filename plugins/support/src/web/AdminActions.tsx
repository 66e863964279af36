/** @module An admin's two buttons on an FAQ entry or a service (edit it, or take it away), shown to admins only. */
import { Button, t, viewerHas } from "@wharf/core/web"
import { Show } from "solid-js"

export const AdminActions = (props: { onEdit: () => void; onRemove: () => void; removeLabel: string }) => (
  <Show when={viewerHas("admin")}>
    <Button size="sm" onClick={() => props.onEdit()}>
      {t("common.edit")}
    </Button>
    <Button size="sm" variant="ghost" onClick={() => props.onRemove()}>
      {props.removeLabel}
    </Button>
  </Show>
)
