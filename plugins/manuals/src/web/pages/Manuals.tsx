/**
 * @module The manuals index (MR-1): every product's manuals, the newest version first, so
 * a reader finds the manual of their version without going through the knowledge base.
 */
import { A } from "@solidjs/router"
import { Badge, Card, EmptyState, ErrorNotice, formatDate, Loading, locale, Page, t } from "@wharf/core/web"
import { createMemo, createResource, For, Show } from "solid-js"
import type { ManualSummary } from "../../shared/types"
import { api } from "../api"
import "../manuals.css"

const byProduct = (manuals: ReadonlyArray<ManualSummary>) => {
  const groups = new Map<string, ManualSummary[]>()
  for (const m of manuals) groups.set(m.product, [...(groups.get(m.product) ?? []), m])
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([product, list]) => ({
      product,
      versions: list.sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }))
    }))
}

export default function Manuals() {
  const [manuals, { refetch }] = createResource(locale, (l) => api.list.query({ locale: l }))
  const products = createMemo(() => byProduct(manuals() ?? []))
  return (
    <Page title={t("manuals.card")} subtitle={t("manuals.index.subtitle")}>
      <Show when={!manuals.error} fallback={<ErrorNotice error={manuals.error} onRetry={refetch} />}>
        <Show when={manuals()} fallback={<Loading />}>
          <Show when={products().length > 0} fallback={<EmptyState title={t("manuals.empty")} />}>
            <div class="grid manuals-index">
              <For each={products()}>
                {(group) => (
                  <Card title={group.product}>
                    <ul class="manuals-list">
                      <For each={group.versions}>
                        {(m) => (
                          <li>
                            <A
                              href={`/manuals/${m.product}/${m.version}`}
                              aria-label={t("manuals.index.open", { title: m.title })}
                            >
                              {m.title}
                            </A>
                            <span class="manuals-meta">
                              <Show when={m.latest}>
                                <Badge tone="success">{t("manuals.latest")}</Badge>
                              </Show>
                              <span class="muted manuals-date">
                                {t("manuals.index.published", { date: formatDate(m.publishedAt) })}
                              </span>
                            </span>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Card>
                )}
              </For>
            </div>
          </Show>
        </Show>
      </Show>
    </Page>
  )
}
