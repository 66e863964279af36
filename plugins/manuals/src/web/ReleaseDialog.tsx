/**
 * @module The admin's form to announce a release: it lands on the list, the home page
 * and the Atom feed at once. Empty fields are named before anything is sent.
 */
import { createSubmit, FormDialog, FormError, Textarea, TextInput, t, toast } from "@wharf/core/web"
import { createEffect, createSignal } from "solid-js"
import { api } from "./api"

const today = () => new Date().toISOString().slice(0, 10)
const fields = ["title", "product", "version", "date", "body"] as const
type Fields = Record<(typeof fields)[number], string>

export const ReleaseDialog = (props: { open: boolean; onClose: () => void; onSaved: () => void }) => {
  const empty = (): Fields => ({ title: "", product: "", version: "", date: today(), body: "" })
  const [f, setF] = createSignal<Fields>(empty())
  const submit = createSubmit()
  createEffect(() => {
    if (props.open) {
      setF(empty())
      submit.reset()
    }
  })
  const set = (k: keyof Fields) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f(), [k]: e.currentTarget.value })
  const err = (k: keyof Fields) => submit.required(f()[k], t("manuals.admin.required"))
  const save = () => {
    submit.attempt()
    if (fields.some((k) => !f()[k].trim())) return
    const v = f()
    return submit.run(async () => {
      await api.releases.create.mutate({
        title: v.title.trim(),
        product: v.product.trim(),
        version: v.version.trim(),
        date: v.date,
        body: v.body.trim()
      })
      toast(t("manuals.admin.announced"))
      props.onSaved()
    })
  }
  return (
    <FormDialog
      open={props.open}
      title={t("manuals.admin.announce")}
      submitLabel={t("manuals.admin.publish")}
      submit={submit}
      onSubmit={save}
      onClose={props.onClose}
    >
      <TextInput
        label={t("manuals.admin.title")}
        required
        maxLength={200}
        value={f().title}
        error={err("title")}
        onInput={set("title")}
      />
      <div class="release-form-row">
        <TextInput
          label={t("manuals.admin.product")}
          required
          maxLength={40}
          value={f().product}
          error={err("product")}
          onInput={set("product")}
        />
        <TextInput
          label={t("manuals.version")}
          required
          maxLength={20}
          value={f().version}
          error={err("version")}
          onInput={set("version")}
        />
        <TextInput
          label={t("manuals.admin.date")}
          type="date"
          required
          value={f().date}
          error={err("date")}
          onInput={set("date")}
        />
      </div>
      <Textarea
        label={t("manuals.admin.body")}
        hint={t("manuals.admin.bodyHint")}
        required
        rows={8}
        maxLength={50_000}
        value={f().body}
        error={err("body")}
        onInput={set("body")}
      />
      <FormError message={submit.failure()} />
    </FormDialog>
  )
}
