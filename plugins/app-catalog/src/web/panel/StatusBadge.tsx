/** @module An instance's status as a coloured badge, with the reason or what it waits for. */
import { Badge, t } from "@wharf/core/web"
import { Show } from "solid-js"
import type { Instance, InstanceStatus } from "../../shared/instances"

const TONE: Record<InstanceStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  deploying: "info",
  ready: "success",
  degraded: "warning",
  failed: "danger",
  deleting: "neutral"
}

export const StatusBadge = (props: { status: InstanceStatus }) => (
  <Badge tone={TONE[props.status]}>{t(`panel.status.${props.status}`)}</Badge>
)

/** Why it is not ready, in words: the reason, or the dependencies it waits for. */
export const StatusNote = (props: { instance: Pick<Instance, "status" | "reason" | "waitingFor"> }) => (
  <Show
    when={props.instance.reason}
    fallback={
      <Show when={(props.instance.waitingFor ?? []).length > 0}>
        <span class="status-note">
          {t("panel.waitingFor", { names: (props.instance.waitingFor ?? []).join(", ") })}
        </span>
      </Show>
    }
  >
    <span class="status-note">{props.instance.reason}</span>
  </Show>
)
