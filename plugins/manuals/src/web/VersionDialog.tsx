/**
 * @module The editors' form to start a manual version: its number, title and date, and
 * the version whose pages it starts from (or an empty manual).
 */
import { createSubmit, FormDialog, FormError, Select, TextInput, t, toast } from "@wharf/core/web"
import { createEffect, createSignal } from "solid-js"
import { api } from "./api"

const today = () => new Date().toISOString().slice(0, 10)

export const VersionDialog = (props: {
  open: boolean
  product: string
  /** Versions of this product, newest first; the first is offered as the starting point. */
  versions: ReadonlyArray<string>
  onClose: () => void
  onSaved: (version: string) => void
}) => {
  const [version, setVersion] = createSignal("")
  const [title, setTitle] = createSignal("")
  const [date, setDate] = createSignal(today())
  const [from, setFrom] = createSignal("")
  const submit = createSubmit()
  createEffect(() => {
    if (!props.open) return
    setVersion("")
    setTitle("")
    setDate(today())
    setFrom(props.versions[0] ?? "")
    submit.reset()
  })
  const required = (v: string) => submit.required(v, t("manuals.admin.required"))
  const save = () => {
    submit.attempt()
    if (!version().trim() || !title().trim() || !date()) return
    return submit.run(async () => {
      await api.editor.create.mutate({
        product: props.product,
        version: version().trim(),
        title: title().trim(),
        publishedAt: date(),
        ...(from() ? { copyFrom: from() } : {})
      })
      toast(t("manuals.version.created"))
      props.onSaved(version().trim())
    })
  }
  return (
    <FormDialog
      open={props.open}
      title={t("manuals.version.new", { product: props.product })}
      submitLabel={t("manuals.version.create")}
      submit={submit}
      onSubmit={save}
      onClose={props.onClose}
    >
      <div class="release-form-row">
        <TextInput
          label={t("manuals.version")}
          required
          maxLength={20}
          placeholder="2.1"
          value={version()}
          error={required(version())}
          onInput={(e) => {
            setVersion(e.currentTarget.value)
            if (!title() || title().startsWith(`${props.product} `))
              setTitle(
                t("manuals.version.defaultTitle", { product: props.product, version: e.currentTarget.value })
              )
          }}
        />
        <TextInput
          label={t("manuals.admin.date")}
          type="date"
          required
          value={date()}
          error={required(date()) ?? submit.issue("date")}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
        <Select
          label={t("manuals.version.from")}
          value={from()}
          options={[
            ...props.versions.map((v) => ({ value: v, label: `${props.product} ${v}` })),
            { value: "", label: t("manuals.version.empty") }
          ]}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
      </div>
      <TextInput
        label={t("manuals.admin.title")}
        required
        maxLength={200}
        value={title()}
        error={required(title())}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <FormError message={submit.failure()} />
    </FormDialog>
  )
}
