/**
 * @module Editors' list of every article (drafts too), filterable by title and status,
 * and the readers' feedback report, least helpful first.
 */
import { A } from "@solidjs/router"
import {
  Badge,
  Card,
  ErrorNotice,
  formatDateTime,
  Page,
  Pagination,
  SearchInput,
  Select,
  Table,
  t
} from "@wharf/core/web"
import { createResource, createSignal, Show } from "solid-js"
import { api } from "../api"
import "../kb.css"

const PAGE = 20

export default function Editor() {
  const [search, setSearch] = createSignal("")
  const [status, setStatus] = createSignal<"" | "draft" | "published">("")
  const [offset, setOffset] = createSignal(0)
  const [list, { refetch }] = createResource(
    () => ({ search: search(), status: status() || undefined, limit: PAGE, offset: offset() }),
    (q) => api.editor.list.query(q)
  )
  const [feedback] = createResource(() => api.editor.feedback.query())
  return (
    <Page
      title={t("kb.editor.title")}
      actions={
        <A class="btn btn-primary" href="/kb/editor/new">
          {t("kb.editor.new")}
        </A>
      }
    >
      <div class="toolbar kb-filters">
        <SearchInput
          label={t("kb.editor.search")}
          placeholder={t("kb.editor.search")}
          value={search()}
          onInput={(v) => {
            setSearch(v)
            setOffset(0)
          }}
        />
        <Select
          label={t("kb.editor.status")}
          value={status()}
          options={[
            { value: "", label: t("kb.filter.any") },
            { value: "draft", label: t("kb.draft") },
            { value: "published", label: t("kb.published") }
          ]}
          onChange={(e) => {
            setStatus(e.currentTarget.value as "" | "draft" | "published")
            setOffset(0)
          }}
        />
      </div>
      <Show when={!list.error} fallback={<ErrorNotice error={list.error} onRetry={refetch} />}>
        <Table
          columns={[
            { header: t("kb.form.title"), cell: (a) => <A href={`/kb/editor/${a.id}`}>{a.title}</A> },
            { header: t("kb.form.product"), cell: (a) => `${a.product} ${a.version}`, width: "120px" },
            { header: t("kb.form.locale"), cell: (a) => t(`kb.locale.${a.locale}`), width: "90px" },
            {
              header: t("kb.editor.status"),
              width: "90px",
              cell: (a) => (
                <Badge tone={a.status === "draft" ? "warning" : "success"}>
                  {a.status === "draft" ? t("kb.draft") : t("kb.published")}
                </Badge>
              )
            },
            {
              header: t("kb.updated", { time: "" }),
              cell: (a) => formatDateTime(a.updatedAt),
              width: "170px"
            }
          ]}
          rows={list()?.items}
          loading={list.loading}
          empty={{ title: t("kb.editor.empty") }}
        />
        <Pagination offset={offset()} limit={PAGE} total={list()?.total ?? 0} onChange={setOffset} />
      </Show>
      <div style={{ "margin-top": "var(--space-5)" }}>
        <Card title={t("kb.editor.feedback")}>
          <Table
            columns={[
              { header: t("kb.form.title"), cell: (r) => <A href={`/kb/articles/${r.id}`}>{r.title}</A> },
              { header: t("kb.helpful.yes"), cell: (r) => r.helpful, width: "80px", align: "right" },
              { header: t("kb.helpful.no"), cell: (r) => r.notHelpful, width: "80px", align: "right" },
              { header: t("kb.editor.lastComment"), cell: (r) => r.lastComment ?? "—" }
            ]}
            rows={feedback()}
            loading={feedback.loading}
            empty={{ title: t("kb.editor.feedbackEmpty") }}
          />
        </Card>
      </div>
    </Page>
  )
}
