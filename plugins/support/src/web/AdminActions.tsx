/**
 * @module What only an admin sees on the FAQ and the services: whether the viewer is one, and
 * the two buttons on an entry (edit it, or take it away), shown to admins only.
 */
import { Button, t, viewerHas } from "@wharf/core/web"
import { Show } from "solid-js"

export const isAdmin = () => viewerHas("admin")

export const AdminActions = (props: { onEdit: () => void; onRemove: () => void; removeLabel: string }) => (
  <Show when={isAdmin()}>
    <Button size="sm" onClick={() => props.onEdit()}>
      {t("common.edit")}
    </Button>
    <Button size="sm" variant="ghost" onClick={() => props.onRemove()}>
      {props.removeLabel}
    </Button>
  </Show>
)
