/**
 * @module One host (the seed's 主机详情): labels, the pods on it with their containers'
 * CPU and memory, and its usage as bars. Updates live when its pods change.
 */
import { A, useParams } from "@solidjs/router"
import {
  Badge,
  Card,
  type Column,
  createAction,
  ErrorNotice,
  Loading,
  Page,
  Slot,
  Table,
  t,
  viewerHas
} from "@wharf/core/web"
import { createEffect, createResource, For, Show } from "solid-js"
import { formatBitRate, formatBytes, formatCores, formatCpu } from "../../shared/quantity"
import { hostPodLinks, hostSections } from "../../shared/slots"
import type { HostDetail, PodRow } from "../../shared/types"
import { api, watchHosts } from "../api"
import { HostStatus, ResourceBar, type ResourceKind } from "../parts"
import { LabelEditor, type LabelEdits } from "./LabelEditor"
import "../clusters.css"

const statusTone = (s: string) =>
  s === "Running"
    ? "success"
    : s === "Pending" || s === "ContainerCreating"
      ? "info"
      : s === "Succeeded"
        ? "neutral"
        : "danger"

const Lines = (props: { pod: PodRow; cell: (c: PodRow["containers"][number]) => string }) => (
  <div class="container-lines">
    <For each={props.pod.containers}>{(c) => <span>{props.cell(c)}</span>}</For>
  </div>
)

export default function Host() {
  const params = useParams<{ id: string; name: string }>()
  const [detail, { refetch }] = createResource(
    () => ({ clusterId: params.id, name: params.name }),
    (q) => api.hosts.get.query(q)
  )
  const live = watchHosts((change) => {
    if (change.all || change.nodes.includes(params.name)) void refetch()
  })
  createEffect(() => live.open(params.id))
  const canEdit = () => viewerHas("admin")

  const saving = createAction()
  const save = async (edits: LabelEdits) => {
    const patch = () =>
      api.hosts.patchLabels.mutate({
        clusterId: params.id,
        name: params.name,
        change: { set: edits.set, remove: [...edits.remove] }
      })
    const saved = await saving.run(patch, () => t("host.saved"))
    if (saved) await refetch()
    return saved
  }

  const columns: ReadonlyArray<Column<PodRow>> = [
    { header: t("host.pod"), cell: (p) => <span class="mono">{p.name}</span> },
    { header: t("host.namespace"), cell: (p) => <span class="mono muted">{p.namespace}</span> },
    { header: t("hosts.status"), cell: (p) => <Badge tone={statusTone(p.status)}>{p.status}</Badge> },
    { header: t("host.container"), cell: (p) => <Lines pod={p} cell={(c) => c.name} /> },
    {
      header: t("host.containerCpu"),
      align: "right",
      cell: (p) => <Lines pod={p} cell={(c) => (c.cpu === null ? "—" : formatCpu(c.cpu))} />
    },
    {
      header: t("host.containerMemory"),
      align: "right",
      cell: (p) => <Lines pod={p} cell={(c) => (c.memory === null ? "—" : formatBytes(c.memory))} />
    },
    {
      header: t("host.links"),
      cell: (p) => (
        <div class="container-lines">
          <For each={p.containers}>
            {(c) => (
              <Slot
                slot={hostPodLinks}
                props={{ clusterId: params.id!, namespace: p.namespace, pod: p.name, container: c.name }}
                fallback={<span class="muted">—</span>}
              />
            )}
          </For>
        </div>
      )
    }
  ]

  const usage = (d: HostDetail) =>
    (["cpu", "memory", "storage", "pods"] as ResourceKind[]).map((kind) => ({ kind, resource: d.host[kind] }))

  return (
    <Page
      title={params.name}
      breadcrumbs={
        <>
          <A href="/clusters">{t("clusters.title")}</A>
          <span aria-hidden="true"> / </span>
          <A href={`/clusters/${params.id}/hosts`}>{detail.latest?.cluster.name ?? t("hosts.title")}</A>
        </>
      }
      actions={<Show when={detail.latest}>{(d) => <HostStatus host={d().host} />}</Show>}
    >
      <Show
        when={!detail.error || detail.latest}
        fallback={<ErrorNotice error={detail.error} onRetry={refetch} />}
      >
        <Show when={detail.latest} fallback={<Loading />}>
          {(d) => (
            <>
              <LabelEditor
                labels={d().host.labels}
                choices={d().labelChoices}
                canEdit={canEdit()}
                saving={saving.busy()}
                onSave={save}
              />
              <Card title={t("host.pods")}>
                <Table
                  caption={t("host.pods")}
                  columns={columns}
                  rows={d().pods}
                  empty={{ title: t("host.noPods") }}
                />
              </Card>
              <Card title={t("host.usage")}>
                <div class="usage-grid">
                  <For each={usage(d())}>
                    {(u) => (
                      <div class="usage-item">
                        <div class="usage-head">
                          <strong>{t(`hosts.${u.kind}`)}</strong>
                          <span class="muted">
                            {t("host.requestedOf", {
                              requested:
                                u.kind === "cpu"
                                  ? formatCores(u.resource.requested, u.resource.allocatable)
                                  : fmt(u.kind, u.resource.requested)
                            })}
                          </span>
                        </div>
                        <ResourceBar kind={u.kind} resource={u.resource} />
                        <Show when={u.kind === "storage" && u.resource.usage === null}>
                          <p class="field-hint">{t("host.storageUsageUnknown")}</p>
                        </Show>
                      </div>
                    )}
                  </For>
                  <div class="usage-item" data-testid="host-network">
                    <div class="usage-head">
                      <strong>{t("host.usageNetwork")}</strong>
                      <span class="muted">{t("host.usageNetworkNow")}</span>
                    </div>
                    <Show
                      when={d().host.network}
                      fallback={<p class="field-hint">{t("host.usageNetworkUnknown")}</p>}
                    >
                      {(n) => (
                        <dl class="network-rates">
                          <dt>{t("host.usageReceived")}</dt>
                          <dd>{formatBitRate(n().rx)}</dd>
                          <dt>{t("host.usageSent")}</dt>
                          <dd>{formatBitRate(n().tx)}</dd>
                        </dl>
                      )}
                    </Show>
                  </div>
                </div>
                <Show when={d().taints.length > 0}>
                  <div class="taints">
                    <span class="muted">{t("host.taints")}</span>
                    <For each={d().taints}>
                      {(taint) => (
                        <span class="label-chip label-chip-small">{`${taint.key}${taint.value ? `=${taint.value}` : ""}:${taint.effect}`}</span>
                      )}
                    </For>
                  </div>
                </Show>
              </Card>
              <Slot slot={hostSections} props={{ clusterId: params.id!, node: params.name! }} />
            </>
          )}
        </Show>
      </Show>
    </Page>
  )
}

const fmt = (kind: ResourceKind, n: number) =>
  kind === "cpu" ? formatCpu(n) : kind === "pods" ? String(n) : formatBytes(n)
