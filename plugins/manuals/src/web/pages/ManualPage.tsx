/**
 * @module One manual page: the manual's table of contents, the page, a version switcher
 * (to the same page in another version when it has one, else that version's first page),
 * and a search over the manual's pages. Editors (agents, admins) edit and add pages and
 * start new versions from here.
 */
import { A, useNavigate, useParams } from "@solidjs/router"
import {
  Button,
  Card,
  ErrorNotice,
  Highlighted,
  Loading,
  locale,
  Page,
  SearchInput,
  Select,
  t,
  viewerHas
} from "@wharf/core/web"
import { createResource, createSignal, For, type JSX, onCleanup, Show } from "solid-js"
import type { PageNode } from "../../shared/types"
import { api } from "../api"
import { PageDialog } from "../PageDialog"
import { VersionDialog } from "../VersionDialog"
import "../manuals.css"

const Toc = (props: { nodes: ReadonlyArray<PageNode>; base: string; current: string }): JSX.Element => (
  <ul>
    <For each={props.nodes}>
      {(n) => (
        <li>
          <A href={`${props.base}/${n.slug}`} aria-current={n.slug === props.current ? "page" : undefined}>
            {n.title}
          </A>
          <Show when={n.children.length > 0}>
            <Toc nodes={n.children} base={props.base} current={props.current} />
          </Show>
        </li>
      )}
    </For>
  </ul>
)

export default function ManualPage() {
  const params = useParams<{ product: string; version: string; slug?: string }>()
  const navigate = useNavigate()
  const [page, { refetch }] = createResource(
    () => ({ product: params.product, version: params.version, slug: params.slug, locale: locale() }),
    (q) => api.page.query(q)
  )
  const [q, setQ] = createSignal("")
  const [typed, setTyped] = createSignal("")
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const [hits] = createResource(
    () => (q() ? { q: q(), product: params.product, version: params.version, locale: locale() } : null),
    (s) => api.search.query(s)
  )
  const base = () => `/manuals/${params.product}/${params.version}`
  const editor = () => viewerHas("admin", "agent")
  // undefined: closed; null: a new page; a slug: editing that page.
  const [editing, setEditing] = createSignal<string | null>()
  const [versioning, setVersioning] = createSignal(false)
  const switchTo = (version: string) => {
    const v = page()?.versions.find((x) => x.version === version)
    navigate(`/manuals/${params.product}/${version}${v?.hasPage ? `/${page()!.slug}` : ""}`)
  }
  return (
    <Show
      when={page()}
      fallback={
        <Page title={t("manuals.card")}>
          <Show when={page.error} fallback={<Loading />}>
            <ErrorNotice error={page.error} onRetry={refetch} />
          </Show>
        </Page>
      }
    >
      {(p) => (
        <Page
          title={p().title}
          subtitle={p().manual.title}
          breadcrumbs={<A href="/manuals">{t("manuals.card")}</A>}
          actions={
            <div class="manual-actions">
              <Show when={editor()}>
                <Button onClick={() => setEditing(p().slug)}>{t("manuals.page.edit")}</Button>
                <Button onClick={() => setEditing(null)}>{t("manuals.page.new")}</Button>
                <Button onClick={() => setVersioning(true)}>{t("manuals.version.add")}</Button>
              </Show>
              <Select
                label={t("manuals.version")}
                value={params.version}
                options={p().versions.map((v) => ({
                  value: v.version,
                  label: `${params.product} ${v.version}${v.hasPage ? "" : ` ${t("manuals.notInVersion")}`}`
                }))}
                onChange={(e) => switchTo(e.currentTarget.value)}
              />
            </div>
          }
        >
          <div class="manual-layout">
            <Card title={t("manuals.toc")} class="manual-toc">
              <SearchInput
                label={t("manuals.search")}
                placeholder={t("manuals.search")}
                value={typed()}
                onInput={(v) => {
                  setTyped(v)
                  clearTimeout(timer)
                  timer = setTimeout(() => setQ(v.trim()), 250)
                }}
              />
              <Show when={q()}>
                <Show when={hits()?.length} fallback={<p class="muted">{t("manuals.noHits")}</p>}>
                  <ul class="manual-hits">
                    <For each={hits()}>
                      {(h) => (
                        <li>
                          <A href={`${base()}/${h.slug}`}>{h.title}</A>
                          <div class="muted">
                            <Highlighted segments={h.snippet} />
                          </div>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </Show>
              <Toc nodes={p().toc} base={base()} current={p().slug} />
            </Card>
            <Card>
              <div class="manual-prose" innerHTML={p().html} />
            </Card>
          </div>
          <PageDialog
            product={params.product}
            version={params.version}
            toc={p().toc}
            slug={editing()}
            onClose={() => setEditing(undefined)}
            onSaved={(slug) => {
              setEditing(undefined)
              if (slug && slug !== p().slug) navigate(`${base()}/${slug}`)
              else if (slug) void refetch()
              else {
                navigate(base())
                void refetch()
              }
            }}
          />
          <VersionDialog
            open={versioning()}
            product={params.product}
            versions={p().versions.map((v) => v.version)}
            onClose={() => setVersioning(false)}
            onSaved={(version) => {
              setVersioning(false)
              navigate(`/manuals/${params.product}/${version}`)
            }}
          />
        </Page>
      )}
    </Show>
  )
}
