/**
 * @module The FAQ: every question in the viewer's language, searchable as they type.
 */
import {
  Button,
  ConfirmDialog,
  createAction,
  createSearchBox,
  EmptyState,
  ErrorNotice,
  Highlighted,
  Loading,
  locale,
  Page,
  SearchInput,
  t,
  viewerHas
} from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import type { Faq as FaqEntry } from "../../shared/types"
import { AdminActions } from "../AdminActions"
import { api } from "../api"
import { FaqDialog } from "../FaqDialog"
import "../support.css"

export default function Faq() {
  const [q, setQ] = createSignal("")
  const box = createSearchBox("", setQ)
  const [faqs, { refetch }] = createResource(
    () => ({ q: q() || undefined, locale: locale() as "zh-CN" | "en" }),
    (input) => api.faq.list.query(input)
  )
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
        <Show when={viewerHas("admin")}>
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
          value={box.text()}
          onInput={box.onInput}
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
                    <Show when={viewerHas("admin")}>
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
