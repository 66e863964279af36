/**
 * @module Manual pages matching a knowledge-base search (`kb.search.aside`): of the
 * version the search is narrowed to, else of the latest manual of each product only, so
 * one page does not show up once per version.
 */
import { A } from "@solidjs/router"
import { Card, ErrorNotice, Highlighted, Loading, locale, t } from "@wharf/core/web"
import { createResource, For, Show } from "solid-js"
import { api } from "./api"
import "./manuals.css"

const MAX = 5

const text = (v: unknown) => (typeof v === "string" && v ? v : undefined)

export const ManualHits = (props: { q?: unknown; product?: unknown; version?: unknown }) => {
  const [hits] = createResource(
    () => {
      const q = text(props.q)?.trim()
      if (!q) return null
      const product = text(props.product)
      const version = product && text(props.version)
      return { q, locale: locale(), ...(product ? { product } : {}), ...(version ? { version } : {}) }
    },
    async (s) => {
      const [found, manuals] = await Promise.all([api.search.query(s), api.list.query({ locale: s.locale })])
      if (s.version) return found.slice(0, MAX)
      const latest = new Set(manuals.filter((m) => m.latest).map((m) => `${m.product} ${m.version}`))
      return found.filter((h) => latest.has(`${h.product} ${h.version}`)).slice(0, MAX)
    }
  )
  return (
    <Card title={t("manuals.hits")}>
      <Show when={!hits.error} fallback={<ErrorNotice error={hits.error} />}>
        <Show when={hits()} fallback={<Loading />}>
          <Show when={hits()!.length > 0} fallback={<p class="muted">{t("manuals.noHits")}</p>}>
            <ul class="manuals-hits">
              <For each={hits()}>
                {(h) => (
                  <li>
                    <A href={`/manuals/${h.product}/${h.version}/${h.slug}`}>{h.title}</A>
                    <span class="muted">
                      {" "}
                      {h.product} {h.version}
                    </span>
                    <p class="manuals-hit-snippet">
                      <Highlighted segments={h.snippet} />
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
    </Card>
  )
}
