/**
 * @module The `ticket.form.aside` slot: while a user writes a ticket, up to five articles
 * matching its title and description, searched once they pause typing. An answer here
 * is a ticket that need not be written.
 */
import { A } from "@solidjs/router"
import { Card, Highlighted, t } from "@wharf/core/web"
import { createEffect, createResource, createSignal, For, onCleanup, Show } from "solid-js"
import { api } from "./api"
import "./kb.css"

const DEBOUNCE_MS = 400

export const Deflection = (props: { title?: unknown; description?: unknown }) => {
  const [text, setText] = createSignal("")
  createEffect(() => {
    const value = `${String(props.title ?? "")} ${String(props.description ?? "")}`.trim().slice(0, 200)
    const timer = setTimeout(() => setText(value), DEBOUNCE_MS)
    onCleanup(() => clearTimeout(timer))
  })
  // Title and description rarely share every word with an article: partial matches count.
  const [found] = createResource(
    () => (text().length >= 2 ? text() : null),
    (q) => api.search.query({ q, limit: 5 })
  )
  return (
    <Card title={t("kb.deflection.title")} class="kb-deflection">
      <Show when={found.error}>
        <p class="muted" role="status">
          {t("kb.deflection.error")}
        </p>
      </Show>
      <Show
        when={found()?.items.length}
        fallback={
          <Show when={!found.error}>
            <p class="muted">{t("kb.deflection.hint")}</p>
          </Show>
        }
      >
        <ul>
          <For each={found()!.items}>
            {(a) => (
              <li>
                <A href={`/kb/articles/${a.id}`} target="_blank">
                  <Highlighted segments={a.titleSegments} />
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Card>
  )
}
