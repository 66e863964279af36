/**
 * @module The editors' form for a manual page: a new page, or the current one (its
 * Markdown is loaded from the server). Slug and parent place it in the manual's tree.
 * The English title and text are optional: English readers see the Chinese where empty.
 */
import {
  Button,
  ConfirmDialog,
  createSubmit,
  FormDialog,
  FormError,
  Select,
  Textarea,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createEffect, createSignal, Show } from "solid-js"
import type { PageNode } from "../shared/types"
import { api } from "./api"

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/

const flatten = (nodes: ReadonlyArray<PageNode>, depth = 0): Array<{ slug: string; label: string }> =>
  nodes.flatMap((n) => [
    { slug: n.slug, label: `${"— ".repeat(depth)}${n.title}` },
    ...flatten(n.children, depth + 1)
  ])

export const PageDialog = (props: {
  product: string
  version: string
  toc: ReadonlyArray<PageNode>
  /** The slug of the page to edit; null for a new page; undefined: closed. */
  slug: string | null | undefined
  onClose: () => void
  onSaved: (slug: string | null) => void
}) => {
  const [title, setTitle] = createSignal("")
  const [slug, setSlug] = createSignal("")
  const [parent, setParent] = createSignal("")
  const [body, setBody] = createSignal("")
  const [titleEn, setTitleEn] = createSignal("")
  const [bodyEn, setBodyEn] = createSignal("")
  const submit = createSubmit()
  const [loading, setLoading] = createSignal(false)
  const [confirming, setConfirming] = createSignal(false)
  createEffect(() => {
    const editing = props.slug
    submit.reset()
    setTitle("")
    setSlug("")
    setParent("")
    setBody("")
    setTitleEn("")
    setBodyEn("")
    if (!editing) return
    setLoading(true)
    api.editor.source
      .query({ product: props.product, version: props.version, slug: editing })
      .then((p) => {
        setTitle(p.title)
        setSlug(p.slug)
        setParent(p.parent ?? "")
        setBody(p.body)
        setTitleEn(p.titleEn ?? "")
        setBodyEn(p.bodyEn ?? "")
      })
      .catch(submit.fail)
      .finally(() => setLoading(false))
  })
  const slugError = () => {
    if (!submit.tried()) return undefined
    if (!slug()) return t("manuals.admin.required")
    return SLUG.test(slug()) ? undefined : t("manuals.page.slugRule")
  }
  const required = (v: string) => submit.required(v, t("manuals.admin.required"))
  const save = () => {
    submit.attempt()
    if (!title().trim() || !body().trim() || !SLUG.test(slug())) return
    return submit.run(async () => {
      const r = await api.editor.save.mutate({
        product: props.product,
        version: props.version,
        ...(props.slug ? { slug: props.slug } : {}),
        newSlug: slug(),
        title: title().trim(),
        body: body(),
        titleEn: titleEn().trim() || null,
        bodyEn: bodyEn().trim() ? bodyEn() : null,
        parent: parent() || null
      })
      toast(t("manuals.page.saved"))
      props.onSaved(r.slug)
    })
  }
  const remove = async () => {
    await submit.run(async () => {
      await api.editor.delete.mutate({ product: props.product, version: props.version, slug: props.slug! })
      toast(t("manuals.page.deleted"))
      setConfirming(false)
      props.onSaved(null)
    })
    setConfirming(false)
  }
  const parents = () => flatten(props.toc).filter((p) => p.slug !== props.slug)
  return (
    <>
      <FormDialog
        open={props.slug !== undefined && !confirming()}
        title={props.slug ? t("manuals.page.edit") : t("manuals.page.new")}
        submitLabel={t("manuals.admin.save")}
        submit={submit}
        onSubmit={save}
        onClose={props.onClose}
        disabled={loading()}
        actions={
          <Show when={props.slug}>
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t("manuals.page.delete")}
            </Button>
          </Show>
        }
      >
        <TextInput
          label={t("manuals.admin.title")}
          required
          maxLength={200}
          value={title()}
          error={required(title())}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <div class="release-form-row manual-form-row">
          <TextInput
            label={t("manuals.page.slug")}
            hint={t("manuals.page.slugHint")}
            required
            maxLength={80}
            value={slug()}
            error={slugError()}
            onInput={(e) => setSlug(e.currentTarget.value.trim().toLowerCase())}
          />
          <Select
            label={t("manuals.page.parent")}
            value={parent()}
            options={[
              { value: "", label: t("manuals.page.topLevel") },
              ...parents().map((p) => ({ value: p.slug, label: p.label }))
            ]}
            onChange={(e) => setParent(e.currentTarget.value)}
          />
        </div>
        <Textarea
          label={t("manuals.page.body")}
          hint={t("manuals.admin.bodyHint")}
          required
          rows={14}
          value={body()}
          error={required(body())}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        <h3 class="manual-form-section">{t("manuals.page.english")}</h3>
        <TextInput
          label={t("manuals.page.titleEn")}
          maxLength={200}
          value={titleEn()}
          onInput={(e) => setTitleEn(e.currentTarget.value)}
        />
        <Textarea
          label={t("manuals.page.bodyEn")}
          rows={10}
          value={bodyEn()}
          onInput={(e) => setBodyEn(e.currentTarget.value)}
        />
        <FormError message={submit.failure()} />
      </FormDialog>
      <ConfirmDialog
        open={confirming()}
        title={t("manuals.page.deleteTitle", { title: title() })}
        message={t("manuals.page.deleteMessage")}
        confirmLabel={t("manuals.page.delete")}
        busy={submit.busy()}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      />
    </>
  )
}
