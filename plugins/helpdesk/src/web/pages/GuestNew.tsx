/**
 * @module The public ticket form (SPEC HD-8): no account needed; the signed link to follow
 * the ticket is emailed to the address given. Attachments upload while the guest writes,
 * with the form's own credential (kept for the tab, so a reload resumes them).
 */
import { A } from "@solidjs/router"
import {
  Button,
  Card,
  ErrorNotice,
  FileUpload,
  Loading,
  Page,
  retryKey,
  Select,
  Textarea,
  TextInput,
  t
} from "@wharf/core/web"
import { createResource, createSignal, Show } from "solid-js"
import type { Severity } from "../../shared/status"
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PURPOSE } from "../Attachments"
import { api, describe } from "../api"
import { categoryName, SeverityPicker } from "../parts"
import "../helpdesk.css"

const CREDENTIAL_KEY = "wharf.helpdesk.guest-form-upload"

/** This tab's upload credential: the one its earlier uploads were made with, else the new one. */
const keptCredential = (fresh: string) => {
  try {
    const kept = sessionStorage.getItem(CREDENTIAL_KEY)
    if (kept) return kept
    sessionStorage.setItem(CREDENTIAL_KEY, fresh)
  } catch {}
  return fresh
}

export default function GuestNew() {
  const [options, { refetch }] = createResource(async () => {
    const o = await api.guest.options.query()
    return { ...o, uploadCredential: keptCredential(o.uploadCredential) }
  })
  const [files, setFiles] = createSignal<ReadonlyArray<string>>([])
  const [uploading, setUploading] = createSignal(false)
  const [name, setName] = createSignal("")
  const [email, setEmail] = createSignal("")
  const [title, setTitle] = createSignal("")
  const [severity, setSeverity] = createSignal<Severity>("normal")
  const [categoryId, setCategoryId] = createSignal("")
  const [description, setDescription] = createSignal("")
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [sent, setSent] = createSignal<{ number: number; email: string }>()
  // A submit retried after a lost answer files the ticket once.
  const retry = retryKey()

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    if (uploading()) return setError(t("helpdesk.attachments.wait"))
    setBusy(true)
    setError(undefined)
    try {
      const request = {
        name: name(),
        email: email(),
        title: title(),
        severity: severity(),
        categoryId: categoryId() || options()?.categories[0]?.id || "",
        description: description(),
        ...(files().length ? { attachments: files(), uploadCredential: options()?.uploadCredential } : {})
      }
      setSent(await api.guest.create.mutate({ ...request, idempotencyKey: retry.for(request) }))
      retry.done()
      // Filed: the next ticket from this tab starts with a credential of its own.
      try {
        sessionStorage.removeItem(CREDENTIAL_KEY)
      } catch {}
    } catch (err) {
      setError(describe(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page
      title={t("helpdesk.guest.title")}
      subtitle={t("helpdesk.guest.subtitle")}
      actions={<A href="/sign-in?next=%2Ftickets%2Fnew">{t("helpdesk.guest.signIn")}</A>}
    >
      <Show
        when={!sent()}
        fallback={
          <div class="notice notice-info" role="status">
            {t("helpdesk.guest.sent", { number: sent()!.number, email: sent()!.email })}
          </div>
        }
      >
        <Show when={!options.error} fallback={<ErrorNotice error={options.error} onRetry={refetch} />}>
          <Show when={options()} fallback={<Loading />}>
            {(o) => (
              <Card class="hd-guest-card">
                <form class="hd-form" onSubmit={submit}>
                  <div class="hd-form-row">
                    <TextInput
                      label={t("helpdesk.field.name")}
                      required
                      value={name()}
                      onInput={(e) => setName(e.currentTarget.value)}
                    />
                    <TextInput
                      label={t("helpdesk.field.email")}
                      type="email"
                      required
                      value={email()}
                      onInput={(e) => setEmail(e.currentTarget.value)}
                    />
                  </div>
                  <TextInput
                    label={t("helpdesk.field.title")}
                    required
                    value={title()}
                    onInput={(e) => setTitle(e.currentTarget.value)}
                  />
                  <SeverityPicker value={severity()} onChange={setSeverity} />
                  <Select
                    label={t("helpdesk.field.category")}
                    value={categoryId() || o().categories[0]?.id}
                    onChange={(e) => setCategoryId(e.currentTarget.value)}
                    options={o().categories.map((c) => ({ value: c.id, label: categoryName(c) }))}
                  />
                  <Textarea
                    label={t("helpdesk.field.description")}
                    hint={t("helpdesk.field.descriptionHint")}
                    required
                    rows={6}
                    value={description()}
                    onInput={(e) => setDescription(e.currentTarget.value)}
                  />
                  <FileUpload
                    purpose={ATTACHMENT_PURPOSE}
                    maxBytes={ATTACHMENT_MAX_BYTES}
                    guest={o().uploadCredential}
                    label={t("helpdesk.attachments.drop")}
                    onChange={setFiles}
                    onBusyChange={setUploading}
                  />
                  <Show when={error()}>
                    <div class="notice notice-error" role="alert">
                      {error()}
                    </div>
                  </Show>
                  <div class="hd-form-actions">
                    <Button type="submit" variant="primary" loading={busy()} disabled={uploading()}>
                      {t("helpdesk.new.submit")}
                    </Button>
                  </div>
                </form>
              </Card>
            )}
          </Show>
        </Show>
      </Show>
    </Page>
  )
}
