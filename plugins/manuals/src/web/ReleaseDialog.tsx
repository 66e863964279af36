/**
 * @module The admin's form to announce a release: it lands on the list, the home page
 * and the Atom feed at once. Empty fields are named before anything is sent.
 */
import {
  createRequiredFields,
  createSubmit,
  FormDialog,
  FormError,
  Textarea,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createEffect } from "solid-js"
import { api } from "./api"

const today = () => new Date().toISOString().slice(0, 10)
type Fields = Record<"title" | "product" | "version" | "date" | "body", string>

export const ReleaseDialog = (props: { open: boolean; onClose: () => void; onSaved: () => void }) => {
  const empty = (): Fields => ({ title: "", product: "", version: "", date: today(), body: "" })
  const submit = createSubmit()
  const fields = createRequiredFields<Fields>(submit, empty(), () => t("manuals.admin.required"))
  createEffect(() => {
    if (props.open) {
      fields.fill(empty())
      submit.reset()
    }
  })
  const save = () => {
    const release = fields.complete()
    if (!release) return
    return submit.run(async () => {
      await api.releases.create.mutate(release)
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
      <TextInput label={t("manuals.admin.title")} maxLength={200} {...fields.bind("title")} />
      <div class="release-form-row">
        <TextInput label={t("manuals.admin.product")} maxLength={40} {...fields.bind("product")} />
        <TextInput label={t("manuals.version")} maxLength={20} {...fields.bind("version")} />
        <TextInput label={t("manuals.admin.date")} type="date" {...fields.bind("date")} />
      </div>
      <Textarea
        label={t("manuals.admin.body")}
        hint={t("manuals.admin.bodyHint")}
        rows={8}
        maxLength={50_000}
        {...fields.bind("body")}
      />
      <FormError message={submit.failure()} />
    </FormDialog>
  )
}
