/**
 * @module The editors' form to start a manual version: its number, title and date, and
 * the version whose pages it starts from (or an empty manual).
 */
import { Button, Dialog, errorMessage, FormError, Select, TextInput, t, toast } from "@wharf/core/web"
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
  const [tried, setTried] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  createEffect(() => {
    if (!props.open) return
    setVersion("")
    setTitle("")
    setDate(today())
    setFrom(props.versions[0] ?? "")
    setTried(false)
    setError(undefined)
  })
  const required = (v: string) => (tried() && !v.trim() ? t("manuals.admin.required") : undefined)
  const save = async () => {
    setTried(true)
    if (!version().trim() || !title().trim() || !date()) return
    setBusy(true)
    setError(undefined)
    try {
      await api.editor.create.mutate({
        product: props.product,
        version: version().trim(),
        title: title().trim(),
        publishedAt: date(),
        ...(from() ? { copyFrom: from() } : {})
      })
      toast(t("manuals.version.created"))
      props.onSaved(version().trim())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open={props.open}
      title={t("manuals.version.new", { product: props.product })}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button variant="primary" loading={busy()} onClick={save}>
            {t("manuals.version.create")}
          </Button>
        </>
      }
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
          error={required(date())}
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
      <FormError message={error()} />
    </Dialog>
  )
}
