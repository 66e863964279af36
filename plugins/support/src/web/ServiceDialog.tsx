/**
 * @module The admin's form for a premium service: new, or an edit of one in the catalog.
 * Empty fields are named before anything is sent; the server's 400 is shown in words.
 */
import { Button, Dialog, errorMessage, FormError, Textarea, TextInput, t, toast } from "@wharf/core/web"
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
  const [missing, setMissing] = createSignal<ReadonlyArray<keyof Fields>>([])
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  createEffect(() => {
    const s = props.service
    setF(
      s ? { name: s.name, category: s.category, description: s.description, priceNote: s.priceNote } : blank
    )
    setMissing([])
    setError(undefined)
  })
  const set = (k: keyof Fields) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f(), [k]: e.currentTarget.value })
  const err = (k: keyof Fields) => (missing().includes(k) ? t("support.admin.required") : undefined)
  const save = async () => {
    const trimmed = Object.fromEntries(Object.entries(f()).map(([k, v]) => [k, v.trim()])) as Fields
    const empty = (Object.keys(trimmed) as Array<keyof Fields>).filter((k) => !trimmed[k])
    setMissing(empty)
    if (empty.length > 0) return
    setBusy(true)
    setError(undefined)
    try {
      const s = props.service
      if (s) await api.services.update.mutate({ id: s.id, ...trimmed })
      else await api.services.create.mutate(trimmed)
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
      open={props.service !== undefined}
      title={props.service ? t("support.admin.editService") : t("support.admin.newService")}
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
      <FormError message={error()} />
    </Dialog>
  )
}
