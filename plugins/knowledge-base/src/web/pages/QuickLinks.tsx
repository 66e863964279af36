/**
 * @module Admins curate the quick links under the knowledge base's search box: per
 * language, an ordered list of a label and the search it runs. Saving replaces the
 * language's list, in the order shown.
 */
import { A } from "@solidjs/router"
import {
  Button,
  Card,
  describeError,
  EmptyState,
  ErrorNotice,
  FormError,
  Loading,
  Page,
  Select,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createEffect, createResource, createSignal, For, Show } from "solid-js"
import type { QuickLink } from "../../shared/types"
import { api } from "../api"
import "../kb.css"

type Locale = "zh-CN" | "en"
interface Row {
  label: string
  query: string
}

export default function QuickLinks() {
  const [lang, setLang] = createSignal<Locale>("zh-CN")
  const [saved, { refetch }] = createResource(lang, (l) => api.home.query({ locale: l }))
  const [rows, setRows] = createSignal<Row[]>([])
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  createEffect(() => {
    const links: ReadonlyArray<QuickLink> = saved()?.quickLinks ?? []
    setRows(links.map((l) => ({ label: l.label, query: l.query })))
  })
  const change = (i: number, patch: Partial<Row>) =>
    setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows()]
    const [row] = next.splice(i, 1)
    next.splice(i + by, 0, row!)
    setRows(next)
  }
  const save = async () => {
    setError(undefined)
    const blank = rows().findIndex((r) => !r.label.trim() || !r.query.trim())
    if (blank >= 0) {
      setError(t("kb.quick.blank", { n: blank + 1 }))
      return
    }
    setBusy(true)
    try {
      await api.quickLinks.set.mutate({
        locale: lang(),
        links: rows().map((r) => ({ label: r.label.trim(), query: r.query.trim(), locale: lang() }))
      })
      toast(t("kb.quick.saved"))
      await refetch()
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page
      title={t("kb.quick.title")}
      subtitle={t("kb.quick.subtitle")}
      actions={<A href="/kb">{t("kb.quick.view")}</A>}
    >
      <div class="toolbar kb-filters">
        <Select
          label={t("kb.filter.locale")}
          value={lang()}
          options={[
            { value: "zh-CN", label: t("kb.locale.zh-CN") },
            { value: "en", label: t("kb.locale.en") }
          ]}
          onChange={(e) => setLang(e.currentTarget.value as Locale)}
        />
      </div>
      <Show when={!saved.error} fallback={<ErrorNotice error={saved.error} onRetry={refetch} />}>
        <Card
          actions={
            <Button size="sm" onClick={() => setRows([...rows(), { label: "", query: "" }])}>
              {t("kb.quick.add")}
            </Button>
          }
          title={t("kb.quick.list", { n: rows().length })}
        >
          <Show when={!saved.loading} fallback={<Loading />}>
            <Show
              when={rows().length > 0}
              fallback={<EmptyState title={t("kb.quick.empty")} hint={t("kb.quick.emptyHint")} />}
            >
              <ol class="kb-quick-edit">
                <For each={rows()}>
                  {(r, i) => (
                    <li>
                      <TextInput
                        label={t("kb.quick.label")}
                        value={r.label}
                        maxLength={80}
                        onInput={(e) => change(i(), { label: e.currentTarget.value })}
                      />
                      <TextInput
                        label={t("kb.quick.query")}
                        value={r.query}
                        maxLength={200}
                        onInput={(e) => change(i(), { query: e.currentTarget.value })}
                      />
                      <div class="kb-quick-buttons">
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={i() === 0}
                          aria-label={t("kb.quick.up")}
                          onClick={() => move(i(), -1)}
                        >
                          ↑
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={i() === rows().length - 1}
                          aria-label={t("kb.quick.down")}
                          onClick={() => move(i(), 1)}
                        >
                          ↓
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setRows(rows().filter((_, j) => j !== i()))}
                        >
                          {t("kb.quick.remove")}
                        </Button>
                      </div>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </Show>
          <FormError message={error()} />
          <div class="kb-quick-save">
            <Button variant="primary" loading={busy()} onClick={save}>
              {t("kb.quick.save")}
            </Button>
          </div>
        </Card>
      </Show>
    </Page>
  )
}
