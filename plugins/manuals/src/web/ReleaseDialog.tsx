/**
 * @module The admin's form to announce a release: it lands on the list, the home page
 * and the Atom feed at once. Empty fields are named before anything is sent.
 */
import { Button, Dialog, errorMessage, FormError, Textarea, TextInput, t, toast } from "@wharf/core/web"
import { createEffect, createSignal } from "solid-js"
import { api } from "./api"

const today = () => new Date().toISOString().slice(0, 10)
const fields = ["title", "product", "version", "date", "body"] as const
type Fields = Record<(typeof fields)[number], string>

export const ReleaseDialog = (props: { open: boolean; onClose: () => void; onSaved: () => void }) => {
  const empty = (): Fields => ({ title: "", product: "", version: "", date: today(), body: "" })
  const [f, setF] = createSignal<Fields>(empty())
  const [tried, setTried] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  createEffect(() => {
    if (props.open) {
      setF(empty())
      setTried(false)
      setError(undefined)
    }
  })
  const set = (k: keyof Fields) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f(), [k]: e.currentTarget.value })
  const err = (k: keyof Fields) => (tried() && !f()[k].trim() ? t("manuals.admin.required") : undefined)
  const save = async () => {
    setTried(true)
    if (fields.some((k) => !f()[k].trim())) return
    setBusy(true)
    setError(undefined)
    try {
      const v = f()
      await api.releases.create.mutate({
        title: v.title.trim(),
        product: v.product.trim(),
        version: v.version.trim(),
        date: v.date,
        body: v.body.trim()
      })
      toast(t("manuals.admin.announced"))
      props.onSaved()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open={props.open}
      title={t("manuals.admin.announce")}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button variant="primary" loading={busy()} onClick={save}>
            {t("manuals.admin.publish")}
          </Button>
        </>
      }
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
      <FormError message={error()} />
    </Dialog>
  )
}
