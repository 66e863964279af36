/** @module An admin's two buttons on an FAQ entry or a service: edit it, or take it away. */
import { Button, t } from "@wharf/core/web"

export const AdminActions = (props: { onEdit: () => void; onRemove: () => void; removeLabel: string }) => (
  <>
    <Button size="sm" onClick={() => props.onEdit()}>
      {t("common.edit")}
    </Button>
    <Button size="sm" variant="ghost" onClick={() => props.onRemove()}>
      {props.removeLabel}
    </Button>
  </>
)
