/**
 * @module Write or edit an article, with a preview rendered by the server (the same
 * sanitised HTML readers get). Saving sends the revision the editor started from, so a
 * concurrent save by someone else is reported instead of overwritten.
 */
import { A, useNavigate, useParams } from "@solidjs/router"
import {
  Button,
  Card,
  ConfirmDialog,
  describeError,
  ErrorNotice,
  Loading,
  Page,
  Select,
  Textarea,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createEffect, createResource, createSignal, onCleanup, Show } from "solid-js"
import { tagLabel } from "../../shared/tags"
import { api } from "../api"
import { Prose } from "../parts"
import "../kb.css"

type Form = {
  title: string
  body: string
  tags: string
  product: string
  version: string
  locale: "zh-CN" | "en"
  status: "draft" | "published"
}
const blank: Form = {
  title: "",
  body: "",
  tags: "",
  product: "TDH",
  version: "",
  locale: "zh-CN",
  status: "draft"
}

export default function EditArticle() {
  const params = useParams<{ id?: string }>()
  const navigate = useNavigate()
  const [form, setForm] = createSignal<Form>(blank)
  const [revision, setRevision] = createSignal(0)
  const [error, setError] = createSignal<string>()
  const [saving, setSaving] = createSignal(false)
  const [confirming, setConfirming] = createSignal(false)
  const [loaded] = createResource(
    () => params.id,
    (id) => api.get.query({ id })
  )
  createEffect(() => {
    const a = loaded()
    if (!a) return
    // Tags in the article's language; saving turns the labels back into the vocabulary's keys.
    setForm({ ...a, tags: a.tags.map((tag) => tagLabel(tag, a.locale)).join(", ") })
    setRevision(a.revision)
  })
  const [html, setHtml] = createSignal("")
  createEffect(() => {
    const body = form().body
    const timer = setTimeout(() => {
      api.editor.preview.query({ body }).then(
        (r) => setHtml(r.html),
        () => {}
      )
    }, 300)
    onCleanup(() => clearTimeout(timer))
  })
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))

  const save = async (e: SubmitEvent) => {
    e.preventDefault()
    setSaving(true)
    setError(undefined)
    const f = form()
    const input = {
      ...f,
      tags: f.tags
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter(Boolean)
    }
    try {
      const saved = params.id
        ? await api.editor.update.mutate({ ...input, id: params.id, revision: revision() })
        : await api.editor.create.mutate(input)
      setRevision(saved.revision)
      toast(t("kb.form.saved", { n: saved.revision }))
      if (!params.id) navigate(`/kb/editor/${saved.id}`, { replace: true })
    } catch (err) {
      setError(describeError(err))
    } finally {
      setSaving(false)
    }
  }
  const remove = async () => {
    await api.editor.delete.mutate({ id: params.id! })
    toast(t("kb.form.deleted"))
    navigate("/kb/editor")
  }

  return (
    <Page
      title={params.id ? form().title || t("kb.edit") : t("kb.editor.new")}
      breadcrumbs={<A href="/kb/editor">{t("kb.editor.title")}</A>}
      actions={
        <Show when={params.id}>
          <A class="btn btn-ghost" href={`/kb/editor/${params.id}/history`}>
            {t("kb.history")}
          </A>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t("kb.form.delete")}
          </Button>
        </Show>
      }
    >
      <Show when={!loaded.loading} fallback={<Loading />}>
        <Show when={!loaded.error} fallback={<ErrorNotice error={loaded.error} />}>
          <form onSubmit={save}>
            <Card>
              <TextInput
                label={t("kb.form.title")}
                value={form().title}
                required
                onInput={(e) => set("title", e.currentTarget.value)}
              />
              <div class="toolbar kb-filters">
                <TextInput
                  label={t("kb.form.product")}
                  value={form().product}
                  required
                  onInput={(e) => set("product", e.currentTarget.value)}
                />
                <TextInput
                  label={t("kb.form.version")}
                  value={form().version}
                  required
                  onInput={(e) => set("version", e.currentTarget.value)}
                />
                <Select
                  label={t("kb.form.locale")}
                  value={form().locale}
                  options={[
                    { value: "zh-CN", label: t("kb.locale.zh-CN") },
                    { value: "en", label: t("kb.locale.en") }
                  ]}
                  onChange={(e) => set("locale", e.currentTarget.value as Form["locale"])}
                />
                <Select
                  label={t("kb.form.status")}
                  value={form().status}
                  options={[
                    { value: "draft", label: t("kb.draft") },
                    { value: "published", label: t("kb.published") }
                  ]}
                  onChange={(e) => set("status", e.currentTarget.value as Form["status"])}
                />
              </div>
              <TextInput
                label={t("kb.form.tags")}
                hint={t("kb.form.tagsHint")}
                value={form().tags}
                onInput={(e) => set("tags", e.currentTarget.value)}
              />
              <div class="kb-editor-grid">
                <Textarea
                  label={t("kb.form.body")}
                  value={form().body}
                  required
                  onInput={(e) => set("body", e.currentTarget.value)}
                />
                <div>
                  <p class="field-label">{t("kb.form.preview")}</p>
                  <Show when={html()} fallback={<p class="muted">{t("kb.form.previewEmpty")}</p>}>
                    <Prose html={html()} />
                  </Show>
                </div>
              </div>
              <Show when={error()}>
                <p class="notice notice-error" role="alert">
                  {error()}
                </p>
              </Show>
              <Button type="submit" variant="primary" loading={saving()}>
                {t("kb.form.save")}
              </Button>
            </Card>
          </form>
        </Show>
      </Show>
      <ConfirmDialog
        open={confirming()}
        title={t("kb.form.delete")}
        message={t("kb.form.deleteConfirm")}
        confirmLabel={t("kb.form.delete")}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      />
    </Page>
  )
}
