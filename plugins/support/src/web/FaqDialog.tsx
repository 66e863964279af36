/**
 * @module The admin's form for an FAQ entry: question, Markdown answer, language.
 */
import { createRequiredFields, createSubmit, locale, Select, Textarea, TextInput, t } from "@wharf/core/web"
import { createEffect, createSignal } from "solid-js"
import type { Faq } from "../shared/types"
import { api } from "./api"
import { EntryDialog } from "./EntryDialog"

type Locale = "zh-CN" | "en"

export const FaqDialog = (props: {
  /** `null`: a new question; a question: edit it; undefined: closed. */
  faq: Faq | null | undefined
  onClose: () => void
  onSaved: () => void
}) => {
  const [lang, setLang] = createSignal<Locale>("zh-CN")
  const submit = createSubmit()
  const fields = createRequiredFields(submit, { question: "", answer: "" }, () => t("support.admin.required"))
  createEffect(() => {
    const f = props.faq
    fields.fill({ question: f?.question ?? "", answer: f?.answer ?? "" })
    setLang(f?.locale ?? (locale() as Locale))
    submit.reset()
  })
  const values = () => {
    const text = fields.complete()
    return text ? { ...text, locale: lang() } : null
  }
  return (
    <EntryDialog
      entry={props.faq}
      titles={{ edit: "support.admin.editFaq", new: "support.admin.newFaq" }}
      submit={submit}
      values={values}
      create={(entry) => api.faq.create.mutate(entry)}
      update={(f, entry) => api.faq.update.mutate({ id: f.id, ...entry })}
      onClose={props.onClose}
      onSaved={props.onSaved}
    >
      <TextInput label={t("support.admin.question")} maxLength={300} {...fields.bind("question")} />
      <Textarea
        label={t("support.admin.answer")}
        hint={t("support.admin.answerHint")}
        rows={6}
        maxLength={5000}
        {...fields.bind("answer")}
      />
      <Select
        label={t("support.admin.locale")}
        value={lang()}
        options={[
          { value: "zh-CN", label: "中文" },
          { value: "en", label: "English" }
        ]}
        onChange={(e) => setLang(e.currentTarget.value as Locale)}
      />
    </EntryDialog>
  )
}
