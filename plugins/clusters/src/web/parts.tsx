/**
 * @module Small pieces the clusters pages share: status and owner badges, resource bars,
 * and the hover card of a host.
 */
import { Badge, t } from "@wharf/core/web"
import { For, type JSX, Show } from "solid-js"
import { formatBytes, formatCores, formatCpu } from "../shared/quantity"
import type { ClusterSummary, HostSummary, Resource } from "../shared/types"

export const StatusBadge = (props: { cluster: ClusterSummary }) => (
  <span title={props.cluster.statusMessage ?? undefined}>
    <Badge tone={props.cluster.status === "connected" ? "success" : "danger"}>
      {t(props.cluster.status === "connected" ? "clusters.connected" : "clusters.unreachable")}
    </Badge>
  </span>
)

export const SimulatedBadge = () => (
  <span title={t("clusters.simulatedHint")}>
    <Badge tone="info">{t("clusters.simulated")}</Badge>
  </span>
)

export const ownerText = (c: ClusterSummary) =>
  c.owner.kind === "platform"
    ? t("clusters.platform")
    : `${t(c.owner.kind === "group" ? "clusters.group" : "clusters.user")} ${c.owner.name}`

export const HostStatus = (props: { host: HostSummary }) => (
  <Badge
    tone={props.host.status === "Ready" ? "success" : props.host.status === "NotReady" ? "danger" : "warning"}
  >
    {props.host.status}
  </Badge>
)

export type ResourceKind = "cpu" | "memory" | "storage" | "pods"
const formatOf = (kind: ResourceKind) => (n: number) =>
  kind === "cpu" ? formatCpu(n) : kind === "pods" ? String(Math.round(n)) : formatBytes(n)

const pct = (n: number, of: number) => (of > 0 ? Math.min(100, (n / of) * 100) : 0)

/** Requested (light) and used (solid) against allocatable, with the numbers beside. */
export const ResourceBar = (props: { kind: ResourceKind; resource: Resource; compact?: boolean }) => {
  const fmt = () => formatOf(props.kind)
  const shown = () => props.resource.usage ?? props.resource.requested
  const level = () => {
    const p = pct(Math.max(props.resource.requested, props.resource.usage ?? 0), props.resource.allocatable)
    return p >= 90 ? "danger" : p >= 70 ? "warning" : "ok"
  }
  return (
    <div class={`resource ${props.compact ? "resource-compact" : ""}`}>
      <div
        class={`resource-bar resource-${level()}`}
        // The numbers beside say the same to screen readers.
        aria-hidden="true"
      >
        <span
          class="resource-requested"
          style={{ width: `${pct(props.resource.requested, props.resource.allocatable)}%` }}
        />
        <Show when={props.resource.usage !== null}>
          <span
            class="resource-used"
            style={{ width: `${pct(props.resource.usage ?? 0, props.resource.allocatable)}%` }}
          />
        </Show>
      </div>
      <span class="resource-text">
        {props.kind === "cpu"
          ? `${formatCores(shown(), props.resource.allocatable)} / ${formatCores(props.resource.allocatable)}`
          : `${fmt()(shown())} / ${fmt()(props.resource.allocatable)}`}
      </span>
    </div>
  )
}

const SummaryLine = (props: { label: string; children: JSX.Element }) => (
  <div class="host-card-line">
    <span class="muted">{props.label}</span>
    <span>{props.children}</span>
  </div>
)

/** The hover summary of a host (the seed's 主机信息). */
export const HostCard = (props: { host: HostSummary }) => {
  const line = (kind: ResourceKind, r: Resource) => {
    const f = formatOf(kind)
    return `${t("hosts.requested")} ${f(r.requested)} · ${t("hosts.used")} ${r.usage === null ? "—" : f(r.usage)} · ${t("hosts.allocatable")} ${f(r.allocatable)}`
  }
  return (
    <div class="host-card" role="tooltip">
      <div class="host-card-title">
        <strong class="mono">{props.host.name}</strong>
        <HostStatus host={props.host} />
      </div>
      <SummaryLine label={t("hosts.address")}>{props.host.address ?? "—"}</SummaryLine>
      <SummaryLine label={t("hosts.roles")}>{props.host.roles.join(", ")}</SummaryLine>
      <SummaryLine label={t("hosts.os")}>{props.host.osImage ?? "—"}</SummaryLine>
      <SummaryLine label={t("hosts.kubelet")}>{props.host.kubeletVersion ?? "—"}</SummaryLine>
      <SummaryLine label={t("hosts.cpu")}>{line("cpu", props.host.cpu)}</SummaryLine>
      <SummaryLine label={t("hosts.memory")}>{line("memory", props.host.memory)}</SummaryLine>
      <SummaryLine label={t("hosts.pods")}>
        {props.host.pods.requested} / {props.host.pods.allocatable}
      </SummaryLine>
      <div class="host-card-labels">
        <For each={Object.entries(props.host.labels).slice(0, 8)}>
          {([k, v]) => <span class="label-chip label-chip-small">{v ? `${k}=${v}` : k}</span>}
        </For>
      </div>
    </div>
  )
}
