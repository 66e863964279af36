/**
 * @module 控制面板 (CP-1..3, CP-7), the platform section's landing page: installed apps as
 * cards, grouped by cluster, status or namespace (or not), filtered by the ▼ menu, both kept in
 * the URL; × on a card deletes with the dependents rule; status follows the cluster live.
 */
import { A, useSearchParams } from "@solidjs/router"
import { EmptyState, ErrorNotice, Loading, Page, Pagination, Select, t } from "@wharf/core/web"
import { createEffect, createMemo, createResource, createSignal, For, Show } from "solid-js"
import { groupInOrder } from "../../shared/grouping"
import { INSTANCE_STATUSES, type Instance } from "../../shared/instances"
import { api } from "../api"
import { apps, watchInstances } from "../instances"
import { DeleteDialog } from "../panel/DeleteDialog"
import { FilterMenu } from "../panel/FilterMenu"
import {
  chosen,
  DIMENSIONS,
  type Dimension,
  GROUPINGS,
  type Grouping,
  groupingOf,
  PANEL_PAGE,
  type PanelSearch,
  pageOf,
  pageQuery,
  toggled
} from "../panel/grouping"
import { InstanceCard } from "../panel/InstanceCard"
import "../catalog.css"
import "../install/install.css"
import "../panel/panel.css"

export default function ControlPanel() {
  const [search, setSearch] = useSearchParams<PanelSearch & Record<string, string>>()
  const [list, { refetch }] = createResource(
    () => pageQuery(search),
    (query) => apps.list.query(query)
  )
  // A page left empty (its last card deleted, or fewer apps since the link was made) steps back.
  createEffect(() => {
    const l = list.latest
    if (l && !list.loading && l.items.length === 0 && pageOf(search) > 1) {
      const last = Math.ceil(l.total / PANEL_PAGE)
      setSearch({ page: last > 1 ? String(last) : undefined })
    }
  })
  // Icons come from the catalog; one call for all cards.
  const [catalog] = createResource(() => api.list.query({}))
  const icon = (app: string) => catalog()?.items.find((a) => a.name === app)?.icon ?? app.slice(0, 2)
  const [deleting, setDeleting] = createSignal<Instance>()
  watchInstances(() => void refetch())

  const grouping = () => groupingOf(search)
  const groups = createMemo(() => groupInOrder(list.latest?.items ?? [], grouping()))
  // A heading counts its whole group, not only the cards of this page.
  const groupSize = (key: string) => list.latest?.groups.find((g) => g.key === key)?.count ?? 0
  const filtered = () => DIMENSIONS.some((d) => chosen(search, d).length > 0)
  const groupTitle = (g: Grouping, key: string) =>
    g === "status" ? t(`panel.status.${key}`) : g === "none" ? t("panel.all") : key
  const options = (): Record<Dimension, ReadonlyArray<{ value: string; label: string }>> => {
    const f = list.latest?.facets
    // A chosen label stays offered even when nothing matches it any more, so it can be unticked.
    const withChosen = (d: Dimension, values: ReadonlyArray<{ value: string; label: string }>) => [
      ...values,
      ...chosen(search, d)
        .filter((v) => !values.some((x) => x.value === v))
        .map((v) => ({ value: v, label: v }))
    ]
    return {
      cluster: withChosen(
        "cluster",
        (f?.cluster ?? []).map((c) => ({ value: c.id, label: c.name }))
      ),
      status: INSTANCE_STATUSES.map((s) => ({ value: s, label: t(`panel.status.${s}`) })),
      namespace: withChosen(
        "namespace",
        (f?.namespace ?? []).map((n) => ({ value: n, label: n }))
      )
    }
  }

  return (
    <Page
      title={t("panel.title")}
      subtitle={t("panel.subtitle")}
      actions={
        <A href="/catalog" class="btn btn-primary">
          {t("panel.install")}
        </A>
      }
    >
      <div class="panel-toolbar">
        <div class="panel-group">
          <Select
            label={t("panel.groupBy")}
            options={GROUPINGS.map((g) => ({ value: g, label: t(`panel.group.${g}`) }))}
            value={grouping()}
            onChange={(e) => setSearch({ group: e.currentTarget.value, page: undefined })}
          />
        </div>
        <FilterMenu
          options={options()}
          selected={(d) => chosen(search, d)}
          onToggle={(d, value, on) => setSearch({ [d]: toggled(search, d, value, on), page: undefined })}
          onClear={() =>
            setSearch({ cluster: undefined, status: undefined, namespace: undefined, page: undefined })
          }
        />
      </div>
      <Show when={!list.error} fallback={<ErrorNotice error={list.error} onRetry={refetch} />}>
        <Show when={list.latest} fallback={<Loading />}>
          {(result) => (
            <Show
              when={result().items.length > 0}
              fallback={
                filtered() ? (
                  <EmptyState title={t("panel.emptyFiltered")} hint={t("panel.emptyFilteredHint")} />
                ) : (
                  <EmptyState
                    title={t("panel.empty")}
                    hint={t("panel.emptyHint")}
                    action={
                      <A href="/catalog" class="btn btn-primary">
                        {t("catalog.nav")}
                      </A>
                    }
                  />
                )
              }
            >
              <For each={groups()}>
                {(group) => (
                  <section class="panel-section" aria-label={groupTitle(grouping(), group.key)}>
                    <Show when={grouping() !== "none"}>
                      <h2 class="panel-section-title">
                        {groupTitle(grouping(), group.key)} <span class="muted">{groupSize(group.key)}</span>
                      </h2>
                    </Show>
                    <ul class="catalog-grid panel-grid">
                      <For each={group.items}>
                        {(i) => (
                          <InstanceCard instance={i} icon={icon(i.app)} onDelete={() => setDeleting(i)} />
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
              <Show when={result().total > PANEL_PAGE}>
                <Pagination
                  offset={(pageOf(search) - 1) * PANEL_PAGE}
                  limit={PANEL_PAGE}
                  total={result().total}
                  onChange={(offset) => {
                    const page = offset / PANEL_PAGE + 1
                    setSearch({ page: page > 1 ? String(page) : undefined })
                  }}
                />
              </Show>
            </Show>
          )}
        </Show>
      </Show>
      <DeleteDialog
        instance={deleting()}
        onClose={() => setDeleting(undefined)}
        onDeleted={() => void refetch()}
      />
    </Page>
  )
}
