/**
 * @module The admin's form for an FAQ entry: question, Markdown answer, language.
 */
import {
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
  const [question, setQuestion] = createSignal("")
  const [answer, setAnswer] = createSignal("")
  const [lang, setLang] = createSignal<Locale>("zh-CN")
  const submit = createSubmit()
  createEffect(() => {
    const f = props.faq
    setQuestion(f?.question ?? "")
    setAnswer(f?.answer ?? "")
    setLang(f?.locale ?? (locale() as Locale))
    submit.reset()
  })
  const required = (v: string) => submit.required(v, t("support.admin.required"))
  const save = () => {
    submit.attempt()
    if (!question().trim() || !answer().trim()) return
    const fields = { question: question().trim(), answer: answer().trim(), locale: lang() }
    const f = props.faq
    return submit.run(async () => {
      if (f) await api.faq.update.mutate({ id: f.id, ...fields })
      else await api.faq.create.mutate(fields)
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
      <TextInput
        label={t("support.admin.question")}
        required
        maxLength={300}
        value={question()}
        error={required(question())}
        onInput={(e) => setQuestion(e.currentTarget.value)}
      />
      <Textarea
        label={t("support.admin.answer")}
        hint={t("support.admin.answerHint")}
        required
        rows={6}
        maxLength={5000}
        value={answer()}
        error={required(answer())}
        onInput={(e) => setAnswer(e.currentTarget.value)}
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
