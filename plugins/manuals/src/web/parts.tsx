/**
 * @module Contributions to other pages: the latest manuals on the knowledge base page
 * (`kb.aside`), and the newest release announcements on the home page (`home.widgets`).
 */
import { A } from "@solidjs/router"
import { Badge, Card, EmptyState, ErrorNotice, formatDate, Loading, locale, t } from "@wharf/core/web"
import { createResource, For, Show } from "solid-js"
import { api } from "./api"
import "./manuals.css"

export const ManualsCard = () => {
  const [manuals] = createResource(locale, (l) => api.list.query({ locale: l }))
  return (
    <Card title={t("manuals.card")} actions={<A href="/manuals">{t("manuals.releases.all")}</A>}>
      <Show when={!manuals.error} fallback={<ErrorNotice error={manuals.error} />}>
        <Show when={manuals()} fallback={<Loading />}>
          <Show when={manuals()!.length > 0} fallback={<EmptyState title={t("manuals.empty")} />}>
            <ul class="manuals-list">
              <For each={manuals()}>
                {(m) => (
                  <li>
                    <A href={`/manuals/${m.product}/${m.version}`}>{m.title}</A>
                    <Show when={m.latest}>
                      <Badge tone="success">{t("manuals.latest")}</Badge>
                    </Show>
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

export const ReleasesWidget = () => {
  const [releases] = createResource(locale, (l) =>
    api.releases.list.query({ limit: 5, offset: 0, locale: l })
  )
  return (
    <Card title={t("manuals.releases.widget")} actions={<A href="/releases">{t("manuals.releases.all")}</A>}>
      <Show when={!releases.error} fallback={<ErrorNotice error={releases.error} />}>
        <Show when={releases()} fallback={<Loading />}>
          <Show
            when={releases()!.items.length > 0}
            fallback={<EmptyState title={t("manuals.releases.empty")} />}
          >
            <ul class="manuals-list">
              <For each={releases()!.items}>
                {(r) => (
                  <li>
                    <A href={`/releases#${r.id}`}>{r.title}</A>
                    <span class="muted manuals-date">{formatDate(r.date)}</span>
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
