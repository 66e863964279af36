/**
 * @module 应用列表: every app the catalog plugins contributed, as cards (icon, name, version,
 * vendor, description); search and a tag kept in the URL; a card opens the app's page.
 */
import { A, useSearchParams } from "@solidjs/router"
import { EmptyState, ErrorNotice, Loading, Page, SearchInput, t } from "@wharf/core/web"
import { createResource, For, Show } from "solid-js"
import { AppIcon } from "../AppIcon"
import { api, tr } from "../api"
import "../catalog.css"

export default function Catalog() {
  const [search, setSearch] = useSearchParams<{ q?: string; tag?: string }>()
  const [catalog, { refetch }] = createResource(
    () => ({ q: search.q || undefined, tag: search.tag || undefined }),
    (query) => api.list.query(query)
  )
  const [tags] = createResource(() => api.list.query({}).then((r) => r.tags))
  return (
    <Page title={t("catalog.title")} subtitle={t("catalog.subtitle")}>
      <div class="catalog-toolbar">
        <SearchInput
          value={search.q ?? ""}
          onInput={(q) => setSearch({ q: q || undefined }, { replace: true })}
          placeholder={t("catalog.searchPlaceholder")}
          label={t("catalog.search")}
        />
        <fieldset class="catalog-tags" aria-label={t("catalog.tags")}>
          <button
            type="button"
            class="catalog-tag"
            aria-pressed={!search.tag}
            onClick={() => setSearch({ tag: undefined })}
          >
            {t("catalog.allTags")}
          </button>
          <For each={tags() ?? []}>
            {(tag) => (
              <button
                type="button"
                class="catalog-tag"
                aria-pressed={search.tag === tag}
                onClick={() => setSearch({ tag: search.tag === tag ? undefined : tag })}
              >
                {tag}
              </button>
            )}
          </For>
        </fieldset>
      </div>
      <Show when={!catalog.error} fallback={<ErrorNotice error={catalog.error} onRetry={refetch} />}>
        <Show when={catalog.latest} fallback={<Loading />}>
          {(result) => (
            <Show
              when={result().items.length > 0}
              fallback={<EmptyState title={t("catalog.empty")} hint={t("catalog.emptyHint")} />}
            >
              <ul
                class="catalog-grid"
                aria-label={t("catalog.title")}
                style={{ "list-style": "none", padding: 0 }}
              >
                <For each={result().items}>
                  {(app) => (
                    <li class="app-card-item">
                      <A href={`/catalog/${app.name}`} class="app-card" title={t("catalog.hover")}>
                        <AppIcon icon={app.icon} name={app.name} />
                        <span>
                          <span class="app-card-title">{app.title}</span>
                          <span class="app-card-meta">
                            {" "}
                            {app.version} · {app.vendor}
                          </span>
                          <span class="app-card-desc">{tr(app.description)}</span>
                        </span>
                      </A>
                      {/* A link of its own (not inside the card's): it opens the wizard. */}
                      <A href={`/catalog/${app.name}/install`} class="app-card-hover">
                        {t("catalog.hover")}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </Page>
  )
}
