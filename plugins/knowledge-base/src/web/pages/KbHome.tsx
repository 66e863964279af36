/**
 * @module The knowledge base page: a search box with the curated quick links under it;
 * without a query, popular and recent articles (and whatever other plugins put in the
 * `kb.aside` slot, e.g. the latest manuals); with one, ranked and highlighted results
 * and, beside them, what other plugins find for it (`kb.search.aside`: manual pages).
 * The query and filters live in the URL, so a search can be shared and survives reload.
 */
import { A, useSearchParams } from "@solidjs/router"
import {
  Card,
  EmptyState,
  ErrorNotice,
  formatNumber,
  Highlighted,
  Loading,
  locale,
  Page,
  Pagination,
  SearchInput,
  Select,
  Slot,
  t,
  viewerHas
} from "@wharf/core/web"
import { createResource, createSignal, For, onCleanup, Show } from "solid-js"
import { api } from "../api"
import { ArticleLinks, ArticleMeta } from "../parts"
import "../kb.css"
import { kbAside, kbSearchAside } from "../../shared/slots"
import { tagLabel } from "../../shared/tags"

const PAGE = 10

export default function KbHome() {
  const [params, setParams] = useSearchParams<{
    q?: string
    product?: string
    version?: string
    tag?: string
    locale?: string
    offset?: string
  }>()
  const [typed, setTyped] = createSignal(params.q ?? "")
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  // Search as the user types, once they pause.
  const onInput = (value: string) => {
    setTyped(value)
    clearTimeout(timer)
    timer = setTimeout(() => setParams({ q: value.trim() || undefined, offset: undefined }), 250)
  }
  const query = () => {
    const q = params.q?.trim()
    if (!q) return null
    return {
      q,
      product: params.product || undefined,
      version: (params.product && params.version) || undefined,
      tag: params.tag || undefined,
      locale: (params.locale || undefined) as "zh-CN" | "en" | undefined,
      limit: PAGE,
      offset: Number(params.offset ?? 0) || 0
    }
  }
  const [results, { refetch }] = createResource(query, (q) => api.search.query(q))
  const [facets] = createResource(() => api.facets.query())
  const versions = () => facets()?.products.find((p) => p.product === params.product)?.versions ?? []
  const [home] = createResource(
    () => locale(),
    (l) => api.home.query({ locale: l })
  )

  return (
    <Page title={t("kb.title")} subtitle={t("kb.subtitle")}>
      <div class="kb-search">
        <SearchInput
          label={t("kb.search.label")}
          placeholder={t("kb.search.placeholder")}
          value={typed()}
          onInput={onInput}
        />
        <nav class="kb-quick" aria-label={t("kb.quickLinks")}>
          <span class="muted">{t("kb.quickLinks")}：</span>
          <For each={home()?.quickLinks}>
            {(l) => (
              <A
                class="kb-chip"
                href={`/kb?q=${encodeURIComponent(l.query)}`}
                onClick={() => setTyped(l.query)}
              >
                {l.label}
              </A>
            )}
          </For>
          <Show when={viewerHas("admin")}>
            <A class="kb-quick-admin" href="/admin/kb/quick-links">
              {t("kb.quick.edit")}
            </A>
          </Show>
        </nav>
      </div>
      <Show
        when={query()}
        fallback={
          <div class="kb-columns">
            <Card title={t("kb.popular")}>
              <Show when={home()} fallback={<Loading />}>
                <ArticleLinks articles={home()!.popular} />
              </Show>
            </Card>
            <Card title={t("kb.recent")}>
              <Show when={home()} fallback={<Loading />}>
                <ArticleLinks articles={home()!.recent} />
              </Show>
            </Card>
            <Slot slot={kbAside} />
          </div>
        }
      >
        <div class="toolbar kb-filters">
          {/* Options arrive with the facets; Select keeps a filter from the URL selected meanwhile. */}
          <Select
            label={t("kb.filter.product")}
            value={params.product ?? ""}
            options={[
              { value: "", label: t("kb.filter.any") },
              ...(facets()?.products ?? []).map((p) => ({ value: p.product, label: p.product }))
            ]}
            onChange={(e) =>
              setParams({
                product: e.currentTarget.value || undefined,
                version: undefined,
                offset: undefined
              })
            }
          />
          <Select
            label={t("kb.filter.version")}
            value={params.version ?? ""}
            disabled={!params.product}
            title={params.product ? undefined : t("kb.filter.versionHint")}
            options={[
              { value: "", label: t("kb.filter.any") },
              ...versions().map((v) => ({ value: v, label: v }))
            ]}
            onChange={(e) => setParams({ version: e.currentTarget.value || undefined, offset: undefined })}
          />
          <Select
            label={t("kb.filter.tag")}
            value={params.tag ?? ""}
            options={[
              { value: "", label: t("kb.filter.any") },
              ...(facets()?.tags ?? []).map((tag) => ({ value: tag, label: tagLabel(tag, locale()) }))
            ]}
            onChange={(e) => setParams({ tag: e.currentTarget.value || undefined, offset: undefined })}
          />
          <Select
            label={t("kb.filter.locale")}
            value={params.locale ?? ""}
            options={[
              { value: "", label: t("kb.filter.any") },
              { value: "zh-CN", label: t("kb.locale.zh-CN") },
              { value: "en", label: t("kb.locale.en") }
            ]}
            onChange={(e) => setParams({ locale: e.currentTarget.value || undefined, offset: undefined })}
          />
        </div>
        <div class="kb-search-layout">
          <div class="kb-search-main">
            <Show when={!results.error} fallback={<ErrorNotice error={results.error} onRetry={refetch} />}>
              <Show when={results()} fallback={<Loading />}>
                {(r) => (
                  <Show
                    when={r().items.length > 0}
                    fallback={<EmptyState title={t("kb.noResults")} hint={t("kb.noResultsHint")} />}
                  >
                    <p class="kb-count" role="status">
                      {t("kb.results", { total: formatNumber(r().total) })}
                    </p>
                    <Show when={r().partial}>
                      <p class="notice notice-info">{t("kb.partial")}</p>
                    </Show>
                    <ol class="kb-results">
                      <For each={r().items}>
                        {(item) => (
                          <li class="kb-result">
                            <A class="kb-result-title" href={`/kb/articles/${item.id}`}>
                              <Highlighted segments={item.titleSegments} />
                            </A>
                            <ArticleMeta article={item} />
                            <p class="kb-snippet">
                              <Highlighted segments={item.snippet} />
                            </p>
                          </li>
                        )}
                      </For>
                    </ol>
                    <Pagination
                      offset={Number(params.offset ?? 0) || 0}
                      limit={PAGE}
                      total={r().total}
                      onChange={(offset) => setParams({ offset: offset ? String(offset) : undefined })}
                    />
                  </Show>
                )}
              </Show>
            </Show>
          </div>
          {/* Other plugins' matches for the same query, e.g. manual pages. */}
          <aside class="kb-search-aside">
            <Slot
              slot={kbSearchAside}
              props={{ q: query()!.q, product: query()!.product, version: query()!.version }}
            />
          </aside>
        </div>
      </Show>
    </Page>
  )
}
