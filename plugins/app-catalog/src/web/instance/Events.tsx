/**
 * @module 概述's events: the Kubernetes events of the instance's objects and pods (time, type,
 * reason, object, message), newest first; they follow the live status without a reload.
 */
import { Badge, Card, type Column, ErrorNotice, formatDateTime, Table, t } from "@wharf/core/web"
import { createResource, Show } from "solid-js"
import type { InstanceKubeEvent } from "../../shared/instances"
import { apps } from "../instances"

const columns: ReadonlyArray<Column<InstanceKubeEvent>> = [
  { header: t("instance.eventTime"), cell: (e) => (e.time ? formatDateTime(e.time) : "—"), nowrap: true },
  {
    header: t("instance.eventType"),
    cell: (e) => <Badge tone={e.type === "Warning" ? "warning" : "info"}>{e.type}</Badge>,
    nowrap: true
  },
  { header: t("instance.eventReason"), cell: (e) => e.reason, nowrap: true },
  { header: t("instance.eventObject"), cell: (e) => <span class="mono">{e.object}</span> },
  {
    header: t("instance.eventMessage"),
    cell: (e) => (e.count > 1 ? `${e.message} (×${e.count})` : e.message)
  }
]

/** `version` changes with the instance (each live status event), so the list refetches. */
export const Events = (props: { name: string; version: string }) => {
  const [events, { refetch }] = createResource(
    () => ({ name: props.name, version: props.version }),
    ({ name }) => apps.events.query({ name })
  )
  return (
    <Card title={t("instance.events")}>
      <Show when={!events.error} fallback={<ErrorNotice error={events.error} onRetry={refetch} />}>
        <Table
          caption={t("instance.events")}
          columns={columns}
          rows={events.latest?.items}
          loading={events.loading && !events.latest}
          empty={{ title: t("instance.noEvents"), hint: t("instance.noEventsHint") }}
        />
      </Show>
    </Card>
  )
}
