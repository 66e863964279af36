/**
 * @module 集群管理: the clusters the viewer may see (name, simulated badge, version, hosts,
 * owner, registry, status); admins add clusters here.
 */
import { A } from "@solidjs/router"
import { Button, type Column, ErrorNotice, Page, Table, t, viewerHas } from "@wharf/core/web"
import { createResource, createSignal, Show } from "solid-js"
import type { ClusterSummary } from "../../shared/types"
import { api } from "../api"
import { ownerText, SimulatedBadge, StatusBadge } from "../parts"
import { AddClusterDialog } from "./AddClusterDialog"
import "../clusters.css"

export default function Clusters() {
  const [clusters, { refetch }] = createResource(() => api.list.query())
  const [adding, setAdding] = createSignal(false)
  const isAdmin = () => viewerHas("admin")
  const columns: ReadonlyArray<Column<ClusterSummary>> = [
    {
      header: t("clusters.name"),
      cell: (c) => (
        <span class="cluster-name">
          <A href={`/clusters/${c.id}/hosts`} class="mono">
            {c.name}
          </A>
          <Show when={c.simulated}>
            <SimulatedBadge />
          </Show>
        </span>
      )
    },
    { header: t("clusters.server"), cell: (c) => <span class="mono muted">{c.server}</span> },
    { header: t("clusters.version"), cell: (c) => <span class="mono">{c.version ?? "—"}</span> },
    { header: t("clusters.nodes"), align: "right", cell: (c) => c.nodeCount ?? "—" },
    { header: t("clusters.owner"), cell: (c) => ownerText(c) },
    { header: t("clusters.registry"), cell: (c) => <span class="mono">{c.registry}</span> },
    { header: t("clusters.status"), cell: (c) => <StatusBadge cluster={c} /> },
    {
      header: "",
      align: "right",
      cell: (c) => (
        <A href={`/clusters/${c.id}/hosts`} class="btn btn-ghost btn-sm">
          {t("clusters.hosts")}
        </A>
      )
    }
  ]
  return (
    <Page
      title={t("clusters.title")}
      subtitle={t("clusters.subtitle")}
      actions={
        <Show when={isAdmin()}>
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t("clusters.add")}
          </Button>
        </Show>
      }
    >
      <Show when={!clusters.error} fallback={<ErrorNotice error={clusters.error} onRetry={refetch} />}>
        <Table
          caption={t("clusters.title")}
          columns={columns}
          rows={clusters()}
          loading={clusters.loading}
          empty={{ title: t("clusters.empty"), hint: t("clusters.emptyHint") }}
        />
      </Show>
      <AddClusterDialog open={adding()} onClose={() => setAdding(false)} onAdded={() => refetch()} />
    </Page>
  )
}
