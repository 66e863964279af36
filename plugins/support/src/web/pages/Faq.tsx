/**
 * @module The FAQ: every question in the viewer's language, searchable as they type.
 */
import { EmptyState, ErrorNotice, Loading, locale, Page, SearchInput, t } from "@wharf/core/web"
import { createResource, createSignal, For, onCleanup, Show } from "solid-js"
import { api } from "../api"
import "../support.css"

export default function Faq() {
  const [typed, setTyped] = createSignal("")
  const [q, setQ] = createSignal("")
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const [faqs, { refetch }] = createResource(
    () => ({ q: q() || undefined, locale: locale() as "zh-CN" | "en" }),
    (input) => api.faq.list.query(input)
  )
  return (
    <Page title={t("support.faq.title")}>
      <div class="toolbar">
        <SearchInput
          label={t("support.faq.search")}
          placeholder={t("support.faq.search")}
          value={typed()}
          onInput={(v) => {
            setTyped(v)
            clearTimeout(timer)
            timer = setTimeout(() => setQ(v.trim()), 250)
          }}
        />
      </div>
      <Show when={!faqs.error} fallback={<ErrorNotice error={faqs.error} onRetry={refetch} />}>
        <Show when={faqs()} fallback={<Loading />}>
          <Show when={faqs()!.length > 0} fallback={<EmptyState title={t("support.faq.empty")} />}>
            <div class="support-faq card card-body">
              <For each={faqs()}>
                {(f) => (
                  <details open={Boolean(q())}>
                    <summary>
                      <For each={f.questionSegments}>
                        {([text, hit]) => (hit ? <mark>{text}</mark> : text)}
                      </For>
                    </summary>
                    <div innerHTML={f.html} />
                  </details>
                )}
              </For>
            </div>
          </Show>
        </Show>
      </Show>
    </Page>
  )
}
