/**
 * @module An article's revisions: pick two to see what changed line by line, and restore
 * any one (which saves it as a new revision; history is never rewritten).
 */
import { A, useParams } from "@solidjs/router"
import {
  Button,
  Card,
  describeError,
  ErrorNotice,
  formatDateTime,
  Loading,
  Page,
  Select,
  Table,
  t,
  toast
} from "@wharf/core/web"
import { createEffect, createResource, createSignal, For, Show } from "solid-js"
import { api } from "../api"
import "../kb.css"

export default function History() {
  const params = useParams<{ id: string }>()
  const [revisions, { refetch }] = createResource(
    () => params.id,
    (id) => api.editor.revisions.query({ id })
  )
  const [from, setFrom] = createSignal(0)
  const [to, setTo] = createSignal(0)
  createEffect(() => {
    const list = revisions()
    if (!list || list.length === 0) return
    setTo(list[0]!.number)
    setFrom(list[1]?.number ?? list[0]!.number)
  })
  const [diff] = createResource(
    () => (from() && to() ? { id: params.id, from: from(), to: to() } : null),
    (q) => api.editor.diff.query(q)
  )
  const restore = async (n: number) => {
    try {
      const saved = await api.editor.restore.mutate({ id: params.id, revision: n })
      toast(t("kb.history.restored", { n: saved.revision }))
      await refetch()
    } catch (e) {
      toast(describeError(e), "error")
    }
  }
  const options = () =>
    (revisions() ?? []).map((r) => ({
      value: String(r.number),
      label: t("kb.history.revision", { n: r.number })
    }))
  return (
    <Page
      title={t("kb.history.title", { title: revisions()?.[0]?.title ?? "…" })}
      breadcrumbs={<A href={`/kb/editor/${params.id}`}>{t("kb.edit")}</A>}
    >
      <Show when={!revisions.error} fallback={<ErrorNotice error={revisions.error} onRetry={refetch} />}>
        <Table
          columns={[
            { header: "#", cell: (r) => r.number, width: "60px" },
            { header: t("kb.form.title"), cell: (r) => r.title },
            {
              header: t("kb.form.status"),
              cell: (r) => (r.status === "draft" ? t("kb.draft") : t("kb.published")),
              width: "90px"
            },
            { header: t("kb.by", { name: "" }), cell: (r) => r.authorName, width: "120px" },
            { header: "", cell: (r) => formatDateTime(r.createdAt), width: "170px" },
            {
              header: "",
              width: "140px",
              cell: (r) => (
                <Show when={r.number !== revisions()?.[0]?.number}>
                  <Button size="sm" onClick={() => restore(r.number)}>
                    {t("kb.history.restore")}
                  </Button>
                </Show>
              )
            }
          ]}
          rows={revisions()}
          loading={revisions.loading}
          empty={{ title: t("kb.editor.empty") }}
        />
        <div style={{ "margin-top": "var(--space-5)" }}>
          <Card title={t("kb.history.compare")}>
            <div class="toolbar kb-filters">
              <Select
                label={t("kb.history.from")}
                value={String(from())}
                options={options()}
                onChange={(e) => setFrom(Number(e.currentTarget.value))}
              />
              <Select
                label={t("kb.history.to")}
                value={String(to())}
                options={options()}
                onChange={(e) => setTo(Number(e.currentTarget.value))}
              />
            </div>
            <Show when={diff()} fallback={<Loading />}>
              <Show
                when={diff()!.lines.some((l) => l.kind !== "same")}
                fallback={<p class="muted">{t("kb.history.noChange")}</p>}
              >
                <pre class="kb-diff" data-testid="diff">
                  <For each={diff()!.lines}>
                    {(l) => (
                      <span class={l.kind}>
                        {l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : "  "}
                        {l.text}
                        {"\n"}
                      </span>
                    )}
                  </For>
                </pre>
              </Show>
            </Show>
          </Card>
        </div>
      </Show>
    </Page>
  )
}
