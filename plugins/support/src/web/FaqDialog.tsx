/**
 * @module The admin's form for an FAQ entry: question, Markdown answer, language.
 */
import {
  createRequiredFields,
  createSubmit,
  FormDialog,
  FormError,
  locale,
  Select,
  Textarea,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createEffect, createSignal } from "solid-js"
import type { Faq } from "../shared/types"
import { api } from "./api"

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
  const save = () => {
    const text = fields.complete()
    if (!text) return
    const entry = { ...text, locale: lang() }
    const f = props.faq
    return submit.run(async () => {
      if (f) await api.faq.update.mutate({ id: f.id, ...entry })
      else await api.faq.create.mutate(entry)
      toast(t("support.admin.saved"))
      props.onSaved()
    })
  }
  return (
    <FormDialog
      open={props.faq !== undefined}
      title={props.faq ? t("support.admin.editFaq") : t("support.admin.newFaq")}
      submitLabel={t("support.admin.save")}
      submit={submit}
      onSubmit={save}
      onClose={props.onClose}
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
      <FormError message={submit.failure()} />
    </FormDialog>
  )
}
