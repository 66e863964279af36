/**
 * @module The admin's form for a premium service: new, or an edit of one in the catalog.
 * Empty fields are named before anything is sent; the server's 400 is shown in words.
 */
import { createSubmit, FormDialog, FormError, Textarea, TextInput, t, toast } from "@wharf/core/web"
import { createEffect, createSignal } from "solid-js"
import type { PremiumService } from "../shared/types"
import { api } from "./api"

type Fields = Omit<PremiumService, "id">
const blank: Fields = { name: "", category: "", description: "", priceNote: "" }

export const ServiceDialog = (props: {
  /** `null`: a new service; a service: edit it; undefined: closed. */
  service: PremiumService | null | undefined
  onClose: () => void
  onSaved: () => void
}) => {
  const [f, setF] = createSignal<Fields>(blank)
  const submit = createSubmit()
  createEffect(() => {
    const s = props.service
    setF(
      s ? { name: s.name, category: s.category, description: s.description, priceNote: s.priceNote } : blank
    )
    submit.reset()
  })
  const set = (k: keyof Fields) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f(), [k]: e.currentTarget.value })
  const err = (k: keyof Fields) => submit.required(f()[k], t("support.admin.required"))
  const save = () => {
    submit.attempt()
    const trimmed = Object.fromEntries(Object.entries(f()).map(([k, v]) => [k, v.trim()])) as Fields
    if (Object.values(trimmed).some((v) => !v)) return
    const s = props.service
    return submit.run(async () => {
      if (s) await api.services.update.mutate({ id: s.id, ...trimmed })
      else await api.services.create.mutate(trimmed)
      toast(t("support.admin.saved"))
      props.onSaved()
    })
  }
  return (
    <FormDialog
      open={props.service !== undefined}
      title={props.service ? t("support.admin.editService") : t("support.admin.newService")}
      submitLabel={t("support.admin.save")}
      submit={submit}
      onSubmit={save}
      onClose={props.onClose}
    >
      <TextInput
        label={t("support.admin.name")}
        required
        maxLength={100}
        value={f().name}
        error={err("name")}
        onInput={set("name")}
      />
      <TextInput
        label={t("support.admin.category")}
        hint={t("support.admin.categoryHint")}
        required
        maxLength={40}
        value={f().category}
        error={err("category")}
        onInput={set("category")}
      />
      <Textarea
        label={t("support.admin.description")}
        required
        maxLength={2000}
        value={f().description}
        error={err("description")}
        onInput={set("description")}
      />
      <TextInput
        label={t("support.admin.priceNote")}
        hint={t("support.admin.priceHint")}
        required
        maxLength={200}
        value={f().priceNote}
        error={err("priceNote")}
        onInput={set("priceNote")}
      />
      <FormError message={submit.failure()} />
    </FormDialog>
  )
}
