/**
 * @module The admin's form for an FAQ entry: question, Markdown answer, language.
 */
import {
  Button,
  Dialog,
  errorMessage,
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
  const [tried, setTried] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  createEffect(() => {
    const f = props.faq
    setQuestion(f?.question ?? "")
    setAnswer(f?.answer ?? "")
    setLang(f?.locale ?? (locale() as Locale))
    setTried(false)
    setError(undefined)
  })
  const required = (v: string) => (tried() && !v.trim() ? t("support.admin.required") : undefined)
  const save = async () => {
    setTried(true)
    if (!question().trim() || !answer().trim()) return
    setBusy(true)
    setError(undefined)
    try {
      const fields = { question: question().trim(), answer: answer().trim(), locale: lang() }
      const f = props.faq
      if (f) await api.faq.update.mutate({ id: f.id, ...fields })
      else await api.faq.create.mutate(fields)
      toast(t("support.admin.saved"))
      props.onSaved()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open={props.faq !== undefined}
      title={props.faq ? t("support.admin.editFaq") : t("support.admin.newFaq")}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button variant="primary" loading={busy()} onClick={save}>
            {t("support.admin.save")}
          </Button>
        </>
      }
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
      <FormError message={error()} />
    </Dialog>
  )
}
