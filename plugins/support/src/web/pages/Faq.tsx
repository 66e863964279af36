/**
 * @module The FAQ: every question in the viewer's language, searchable as they type.
 */
import {
  Button,
  ConfirmDialog,
  createAction,
  EmptyState,
  ErrorNotice,
  Highlighted,
  hasRole,
  Loading,
  locale,
  Page,
  SearchInput,
  t,
  viewer
} from "@wharf/core/web"
import { createResource, createSignal, For, onCleanup, Show } from "solid-js"
import type { Faq as FaqEntry } from "../../shared/types"
import { AdminActions } from "../AdminActions"
import { api } from "../api"
import { FaqDialog } from "../FaqDialog"
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
  const admin = () => (viewer() ? hasRole(viewer()!, "admin") : false)
  // undefined: closed; null: a new question; an entry: editing it.
  const [editing, setEditing] = createSignal<FaqEntry | null>()
  const [deleting, setDeleting] = createSignal<FaqEntry>()
  const removal = createAction()
  const remove = async () => {
    if (
      await removal.run(
        () => api.faq.delete.mutate({ id: deleting()!.id }),
        () => t("support.admin.deleted")
      )
    ) {
      setDeleting(undefined)
      await refetch()
    }
  }
  return (
    <Page
      title={t("support.faq.title")}
      actions={
        <Show when={admin()}>
          <Button variant="primary" onClick={() => setEditing(null)}>
            {t("support.admin.newFaq")}
          </Button>
        </Show>
      }
    >
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
                      <Highlighted segments={f.questionSegments} />
                    </summary>
                    <div innerHTML={f.html} />
                    <Show when={admin()}>
                      <div class="support-faq-actions">
                        <AdminActions
                          onEdit={() => setEditing(f)}
                          onRemove={() => setDeleting(f)}
                          removeLabel={t("common.delete")}
                        />
                      </div>
                    </Show>
                  </details>
                )}
              </For>
            </div>
          </Show>
        </Show>
      </Show>
      <FaqDialog
        faq={editing()}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined)
          void refetch()
        }}
      />
      <ConfirmDialog
        open={deleting() !== undefined}
        title={t("support.admin.deleteFaq")}
        message={deleting()?.question ?? ""}
        confirmLabel={t("common.delete")}
        busy={removal.busy()}
        onConfirm={remove}
        onClose={() => setDeleting(undefined)}
      />
    </Page>
  )
}
