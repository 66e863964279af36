/**
 * @module A cluster's hosts (the seed's 主机 tab): cluster switcher, label filter kept in
 * the URL (`?labels=a=b,c=d`), per host status, roles, address and CPU / memory / storage /
 * pods (requested and used against allocatable), a hover summary, and live updates.
 */
import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router"
import { Badge, type Column, ErrorNotice, Page, Table, t } from "@wharf/core/web"
import { createEffect, createMemo, createResource, For, Show } from "solid-js"
import { formatLabelFilter, type LabelPair, parseLabelFilter } from "../../shared/labels"
import type { HostSummary } from "../../shared/types"
import { api, watchHosts } from "../api"
import { HostCard, HostStatus, ResourceBar, SimulatedBadge, StatusBadge } from "../parts"
import { LabelFilter } from "./LabelFilter"
import "../clusters.css"

export default function Hosts() {
  const params = useParams<{ id: string }>()
  const [search, setSearch] = useSearchParams<{ labels?: string }>()
  const navigate = useNavigate()
  const filter = () => (typeof search.labels === "string" ? search.labels : "")
  const pairs = createMemo(() => parseLabelFilter(filter()).pairs)
  const [clusters] = createResource(() => api.list.query())
  const [overview, { refetch }] = createResource(
    () => ({ clusterId: params.id, labels: filter() }),
    (q) => api.hosts.list.query(q.labels ? q : { clusterId: q.clusterId })
  )
  const live = watchHosts(() => void refetch())
  // Follow the cluster switcher: one stream, for the cluster on screen.
  createEffect(() => live.open(params.id))

  const setPairs = (next: ReadonlyArray<LabelPair>) =>
    setSearch({ labels: next.length > 0 ? formatLabelFilter(next) : undefined })
  const hostHref = (h: HostSummary) => `/clusters/${params.id}/hosts/${encodeURIComponent(h.name)}`

  const columns: ReadonlyArray<Column<HostSummary>> = [
    {
      header: t("hosts.name"),
      cell: (h) => (
        <span class="host-hover" tabindex="0">
          <A href={hostHref(h)} class="mono">
            {h.name}
          </A>
          <HostCard host={h} />
        </span>
      )
    },
    { header: t("hosts.status"), cell: (h) => <HostStatus host={h} /> },
    {
      header: t("hosts.roles"),
      cell: (h) => (
        <span class="roles">
          <For each={h.roles}>{(r) => <Badge tone={r === "worker" ? "neutral" : "warning"}>{r}</Badge>}</For>
          <Show when={h.unschedulable}>
            <Badge tone="danger">{t("hosts.unschedulable")}</Badge>
          </Show>
        </span>
      )
    },
    { header: t("hosts.address"), cell: (h) => <span class="mono">{h.address ?? "—"}</span> },
    {
      header: t("hosts.cpu"),
      width: "15%",
      cell: (h) => <ResourceBar kind="cpu" resource={h.cpu} compact />
    },
    {
      header: t("hosts.memory"),
      width: "15%",
      cell: (h) => <ResourceBar kind="memory" resource={h.memory} compact />
    },
    {
      header: t("hosts.storage"),
      width: "13%",
      cell: (h) => <ResourceBar kind="storage" resource={h.storage} compact />
    },
    {
      header: t("hosts.pods"),
      width: "11%",
      cell: (h) => <ResourceBar kind="pods" resource={h.pods} compact />
    }
  ]

  return (
    <Page
      title={t("hosts.title")}
      breadcrumbs={<A href="/clusters">{t("clusters.title")}</A>}
      actions={
        <span class="live-dot" title={t("hosts.live")}>
          {t("hosts.live")}
        </span>
      }
    >
      <div class="toolbar hosts-toolbar">
        <label class="switcher">
          <span class="muted">{t("hosts.switcher")}</span>
          <select
            class="input"
            aria-label={t("hosts.switcher")}
            value={params.id}
            onChange={(e) => navigate(`/clusters/${e.currentTarget.value}/hosts`)}
          >
            <For each={clusters() ?? []}>
              {(c) => (
                <option value={c.id} selected={c.id === params.id}>
                  {c.name}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={overview()?.cluster}>
          {(c) => (
            <span class="cluster-facts">
              <Show when={c().simulated}>
                <SimulatedBadge />
              </Show>
              <span class="mono muted">{c().version}</span>
              <StatusBadge cluster={c()} />
            </span>
          )}
        </Show>
      </div>
      <LabelFilter pairs={pairs()} choices={overview()?.labels ?? []} onChange={setPairs} />
      <Show when={overview() && !overview()!.metrics}>
        <div class="notice notice-info">{t("hosts.noMetrics")}</div>
      </Show>
      <Show when={!overview.error} fallback={<ErrorNotice error={overview.error} onRetry={refetch} />}>
        <Show when={overview()}>
          {(o) => (
            <p class="muted hosts-count">{t("hosts.shown", { shown: o().hosts.length, total: o().total })}</p>
          )}
        </Show>
        <div class="hosts-table">
          <Table
            caption={t("hosts.title")}
            columns={columns}
            rows={overview.latest?.hosts}
            loading={overview.loading}
            empty={
              pairs().length > 0
                ? { title: t("hosts.noMatch"), hint: t("hosts.noMatchHint") }
                : { title: t("hosts.empty") }
            }
          />
        </div>
      </Show>
    </Page>
  )
}
