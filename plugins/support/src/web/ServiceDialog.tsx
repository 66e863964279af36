/**
 * @module The admin's form for a premium service: new, or an edit of one in the catalog.
 * Empty fields are named before anything is sent; the server's 400 is shown in words.
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
  const submit = createSubmit()
  const fields = createRequiredFields<Fields>(submit, blank, () => t("support.admin.required"))
  createEffect(() => {
    const s = props.service
    fields.fill(
      s ? { name: s.name, category: s.category, description: s.description, priceNote: s.priceNote } : blank
    )
    submit.reset()
  })
  const save = () => {
    const trimmed = fields.complete()
    if (!trimmed) return
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
      <TextInput label={t("support.admin.name")} maxLength={100} {...fields.bind("name")} />
      <TextInput
        label={t("support.admin.category")}
        hint={t("support.admin.categoryHint")}
        maxLength={40}
        {...fields.bind("category")}
      />
      <Textarea label={t("support.admin.description")} maxLength={2000} {...fields.bind("description")} />
      <TextInput
        label={t("support.admin.priceNote")}
        hint={t("support.admin.priceHint")}
        maxLength={200}
        {...fields.bind("priceNote")}
      />
      <FormError message={submit.failure()} />
    </FormDialog>
  )
}
