/**
 * @module One tenant: its quota on each cluster, its users (search), the tenants allowed to
 * reach it and its preempted pods.
 */
import { A, useParams } from "@solidjs/router"
import { Card, type Column, ErrorNotice, Loading, Page, Table, t } from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import type { Preemption, TenantUser } from "../../shared/types"
import { api } from "../api"
import { ClusterQuotaCard, SearchTableCard } from "../parts"
import { TenantPeers } from "./TenantPeers"

export default function Tenant() {
  const params = useParams<{ id: string }>()
  const [search, setSearch] = createSignal("")
  const [detail, { refetch }] = createResource(
    () => ({ tenantId: params.id, search: search() }),
    (q) => api.get.query(q)
  )
  const [quotas] = createResource(
    () => params.id,
    (tenantId) => api.quotasOf.query({ tenantId })
  )
  const [preempted] = createResource(
    () => params.id,
    (tenantId) => api.preemptions.query({ tenantId })
  )
  const users: ReadonlyArray<Column<TenantUser>> = [
    { header: t("tenants.email"), cell: (u) => u.email },
    { header: t("tenants.name"), cell: (u) => u.name },
    { header: t("tenants.role"), cell: (u) => t(`tenants.role.${u.role}`) }
  ]
  const preemptions: ReadonlyArray<Column<Preemption & { clusterName: string }>> = [
    { header: t("tenants.pod"), cell: (p) => <span class="mono">{p.pod}</span> },
    { header: t("tenants.cluster"), cell: (p) => p.clusterName },
    { header: t("tenants.node"), cell: (p) => p.node ?? "—" },
    { header: t("tenants.preemptions"), cell: (p) => t("tenants.preemptedBy", { by: p.by }) },
    { header: t("tenants.at"), cell: (p) => new Date(p.at).toLocaleString(), nowrap: true }
  ]
  return (
    <Page
      title={detail.latest?.tenant.name ?? params.id}
      subtitle={
        detail.latest
          ? `${t(`tenants.kind.${detail.latest.tenant.kind}`)} · ${detail.latest.tenant.namespace}`
          : undefined
      }
      breadcrumbs={<A href="/tenants">{t("tenants.title")}</A>}
    >
      <Show when={!detail.error} fallback={<ErrorNotice error={detail.error} onRetry={refetch} />}>
        <Card title={t("tenants.quotas")}>
          <Show when={quotas.latest} fallback={<Loading />}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p class="muted">{t("tenants.noQuota")}</p>}>
                <div class="quota-stack">
                  <For each={list()}>{(q) => <ClusterQuotaCard quota={q} />}</For>
                </div>
              </Show>
            )}
          </Show>
        </Card>
        <SearchTableCard
          title={t("tenants.users")}
          searchLabel={t("tenants.searchUsers")}
          search={search()}
          onSearch={setSearch}
          columns={users}
          rows={detail.latest?.users}
          empty="—"
        />
        <Show when={detail.latest?.tenant}>{(tenant) => <TenantPeers tenant={tenant()} />}</Show>
        <Card title={t("tenants.preemptions")}>
          <Table
            caption={t("tenants.preemptions")}
            columns={preemptions}
            rows={preempted.latest}
            loading={preempted.loading && !preempted.latest}
            empty={{ title: t("tenants.noPreemptions") }}
          />
        </Card>
      </Show>
    </Page>
  )
}
