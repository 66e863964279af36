/**
 * @module The support center's search on the home page (`home.widgets`): a search box
 * that opens the knowledge base with the query, and the admin-curated quick links.
 */
import { A, useNavigate } from "@solidjs/router"
import { Button, Card, locale, t } from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import { api } from "./api"
import "./kb.css"

export const KbHomeWidget = () => {
  const navigate = useNavigate()
  const [typed, setTyped] = createSignal("")
  const [home] = createResource(
    () => locale(),
    (l) => api.home.query({ locale: l })
  )
  const submit = (e: Event) => {
    e.preventDefault()
    const q = typed().trim()
    navigate(q ? `/kb?q=${encodeURIComponent(q)}` : "/kb")
  }
  return (
    <Card title={t("kb.widget.title")} actions={<A href="/kb">{t("kb.nav")}</A>}>
      <form class="kb-widget-form" onSubmit={submit}>
        <input
          class="input"
          type="search"
          aria-label={t("kb.search.label")}
          placeholder={t("kb.search.placeholder")}
          value={typed()}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <Button type="submit" variant="primary">
          {t("kb.widget.go")}
        </Button>
      </form>
      <Show when={(home()?.quickLinks.length ?? 0) > 0}>
        <nav class="kb-quick" aria-label={t("kb.quickLinks")}>
          <span class="muted">{t("kb.quickLinks")}：</span>
          <For each={home()!.quickLinks}>
            {(l) => (
              <A class="kb-chip" href={`/kb?q=${encodeURIComponent(l.query)}`}>
                {l.label}
              </A>
            )}
          </For>
        </nav>
      </Show>
    </Card>
  )
}
