/**
 * @module 租客管理: my quota on each cluster (used / hard bars; search clusters) and the
 * tenants I may use (name, admin email, user count, description; search).
 */
import { A } from "@solidjs/router"
import { Card, type Column, EmptyState, ErrorNotice, Loading, Page, SearchInput, t } from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import type { TenantSummary } from "../../shared/types"
import { api } from "../api"
import { ClusterQuotaCard, SearchTableCard } from "../parts"

export default function Tenants() {
  const [clusterSearch, setClusterSearch] = createSignal("")
  const [tenantSearch, setTenantSearch] = createSignal("")
  const [mine, { refetch }] = createResource(clusterSearch, (search) => api.mine.query({ search }))
  const [tenants] = createResource(tenantSearch, (search) => api.list.query({ search }))
  const columns: ReadonlyArray<Column<TenantSummary>> = [
    {
      header: t("tenants.name"),
      cell: (x) => (
        <A href={`/tenants/${x.id}`} class="mono">
          {x.name}
        </A>
      )
    },
    { header: t("tenants.kind"), cell: (x) => t(`tenants.kind.${x.kind}`), nowrap: true },
    { header: t("tenants.adminEmail"), cell: (x) => x.adminEmail ?? "—" },
    { header: t("tenants.userCount"), align: "right", cell: (x) => x.userCount },
    { header: t("tenants.description"), cell: (x) => x.description },
    { header: t("tenants.namespace"), cell: (x) => <span class="mono muted">{x.namespace}</span> }
  ]
  return (
    <Page title={t("tenants.title")} subtitle={t("tenants.subtitle")}>
      <Card
        title={t("tenants.myQuota")}
        actions={
          <SearchInput
            value={clusterSearch()}
            onInput={setClusterSearch}
            placeholder={t("tenants.searchClusters")}
            label={t("tenants.searchClusters")}
          />
        }
      >
        <Show when={!mine.error} fallback={<ErrorNotice error={mine.error} onRetry={refetch} />}>
          <Show when={mine.latest} fallback={<Loading />}>
            {(m) => (
              <Show
                when={m().quotas.length > 0}
                fallback={<EmptyState title={t("tenants.noQuota")} hint={t("tenants.noQuotaHint")} />}
              >
                <div class="quota-stack">
                  <For each={m().quotas}>
                    {(q) => <ClusterQuotaCard quota={q} title={`${q.clusterName} · ${q.tenant.name}`} />}
                  </For>
                </div>
              </Show>
            )}
          </Show>
        </Show>
      </Card>
      <SearchTableCard
        title={t("tenants.list")}
        searchLabel={t("tenants.searchTenants")}
        search={tenantSearch()}
        onSearch={setTenantSearch}
        columns={columns}
        rows={tenants.latest}
        loading={tenants.loading && !tenants.latest}
        empty={t("tenants.none")}
      />
    </Page>
  )
}
