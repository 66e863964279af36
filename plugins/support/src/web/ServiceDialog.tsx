/**
 * @module The admin's form for a premium service: new, or an edit of one in the catalog.
 * Empty fields are named before anything is sent; the server's 400 is shown in words.
 * The English text is optional, but whole: once one English field is filled, all are.
 */
import { createRequiredFields, createSubmit, Textarea, TextInput, t } from "@wharf/core/web"
import { createEffect } from "solid-js"
import type { PremiumService, ServiceText } from "../shared/types"
import { api } from "./api"
import { EntryDialog } from "./EntryDialog"

/** A service's words as the form's fields (a type alias: the fields helper wants string keys). */
type Fields = Pick<ServiceText, keyof ServiceText>
const blank: Fields = { name: "", category: "", description: "", priceNote: "" }
const textOf = (s: ServiceText): Fields => ({
  name: s.name,
  category: s.category,
  description: s.description,
  priceNote: s.priceNote
})

export const ServiceDialog = (props: {
  /** `null`: a new service; a service: edit it; undefined: closed. */
  service: PremiumService | null | undefined
  onClose: () => void
  onSaved: () => void
}) => {
  const submit = createSubmit()
  const required = () => t("support.admin.required")
  const fields = createRequiredFields<Fields>(submit, blank, required)
  const english = createRequiredFields<Fields>(submit, blank, required)
  const translating = () => Object.values(english.values()).some((v) => v.trim())
  /** An English field: required only once the admin started the translation. */
  const optional = (key: keyof Fields) => {
    const bound = english.bind(key)
    return {
      get value() {
        return bound.value
      },
      get required() {
        return translating()
      },
      get error() {
        return translating() ? bound.error : undefined
      },
      onInput: bound.onInput
    }
  }
  createEffect(() => {
    const s = props.service
    fields.fill(s ? textOf(s) : blank)
    english.fill(s?.en ? textOf(s.en) : blank)
    submit.reset()
  })
  const values = () => {
    const zh = fields.complete()
    const en = translating() ? english.complete() : null
    return zh && en !== undefined ? { ...zh, en } : null
  }
  return (
    <EntryDialog
      entry={props.service}
      titles={{ edit: "support.admin.editService", new: "support.admin.newService" }}
      submit={submit}
      values={values}
      create={(service) => api.services.create.mutate(service)}
      update={(s, service) => api.services.update.mutate({ id: s.id, ...service })}
      onClose={props.onClose}
      onSaved={props.onSaved}
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
      <h3 class="support-dialog-section">{t("support.admin.english")}</h3>
      <TextInput label={t("support.admin.nameEn")} maxLength={100} {...optional("name")} />
      <TextInput label={t("support.admin.categoryEn")} maxLength={40} {...optional("category")} />
      <Textarea label={t("support.admin.descriptionEn")} maxLength={2000} {...optional("description")} />
      <TextInput label={t("support.admin.priceNoteEn")} maxLength={200} {...optional("priceNote")} />
    </EntryDialog>
  )
}
