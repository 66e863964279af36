/** @module An installed app on the control panel: icon, name, app and version, status, where; × deletes. */
import { A } from "@solidjs/router"
import { t } from "@wharf/core/web"
import { Show } from "solid-js"
import type { Instance } from "../../shared/instances"
import { AppIcon } from "../AppIcon"
import { StatusBadge, StatusNote } from "./StatusBadge"

export const InstanceCard = (props: { instance: Instance; icon: string; onDelete: () => void }) => (
  <li class="app-card-item" data-status={props.instance.status}>
    <A href={`/apps/${props.instance.name}`} class="app-card instance-card">
      <AppIcon icon={props.icon} name={props.instance.app} />
      <span>
        <span class="app-card-title">{props.instance.name}</span>
        <span class="app-card-meta">
          {props.instance.title} {props.instance.version}
        </span>
        <span class="instance-status">
          <StatusBadge status={props.instance.status} />
          <StatusNote instance={props.instance} />
        </span>
        <span class="instance-where">
          {props.instance.clusterName} · <span class="mono">{props.instance.namespace}</span>
        </span>
      </span>
    </A>
    <Show when={props.instance.status !== "deleting"}>
      <button
        type="button"
        class="icon-button instance-delete"
        aria-label={t("panel.deleteNamed", { name: props.instance.name })}
        title={t("panel.delete")}
        onClick={() => props.onDelete()}
      >
        ×
      </button>
    </Show>
  </li>
)
