/**
 * @module 创建工单: title, severity (with the seed's definitions), category, product and
 * version, Markdown description, and whose ticket it is (the user's own or a group's).
 * Beside the form, the `ticket.form.aside` slot may suggest articles as the user types.
 */
import { useNavigate } from "@solidjs/router"
import {
  Button,
  Card,
  ErrorNotice,
  FileUpload,
  Loading,
  Page,
  retryKey,
  Select,
  Slot,
  Textarea,
  TextInput,
  t,
  toast,
  viewer
} from "@wharf/core/web"
import { createResource, createSignal, Show } from "solid-js"
import { ticketFormAside } from "../../shared/slots"
import type { Severity } from "../../shared/status"
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PURPOSE } from "../Attachments"
import { api, describe } from "../api"
import { categoryName, SeverityPicker } from "../parts"
import "../helpdesk.css"

export default function NewTicket() {
  const navigate = useNavigate()
  const [options, { refetch }] = createResource(() => api.tickets.options.query())
  const [title, setTitle] = createSignal("")
  const [severity, setSeverity] = createSignal<Severity>("normal")
  const [categoryId, setCategoryId] = createSignal("")
  const [product, setProduct] = createSignal("")
  const [version, setVersion] = createSignal("")
  const [description, setDescription] = createSignal("")
  const [tenant, setTenant] = createSignal("")
  const [files, setFiles] = createSignal<ReadonlyArray<string>>([])
  const [uploading, setUploading] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  // A submit retried after a lost answer files the ticket once.
  const retry = retryKey()

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    if (uploading()) return setError(t("helpdesk.attachments.wait"))
    setBusy(true)
    setError(undefined)
    try {
      const request = {
        title: title(),
        severity: severity(),
        categoryId: categoryId() || options()?.categories[0]?.id || "",
        description: description(),
        ...(product().trim() ? { product: product() } : {}),
        ...(version().trim() ? { version: version() } : {}),
        ...(tenant() ? { groupId: tenant() } : {}),
        ...(files().length ? { attachments: files() } : {})
      }
      const ticket = await api.tickets.create.mutate({ ...request, idempotencyKey: retry.for(request) })
      retry.done()
      toast(t("helpdesk.new.created", { number: ticket.number }))
      navigate(`/tickets/${ticket.number}`)
    } catch (err) {
      setError(describe(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page title={t("helpdesk.new.title")} subtitle={t("helpdesk.new.subtitle")}>
      <Show when={!options.error} fallback={<ErrorNotice error={options.error} onRetry={refetch} />}>
        <Show when={options()} fallback={<Loading />}>
          {(o) => (
            <div class="hd-form-layout">
              <Card>
                <form class="hd-form" onSubmit={submit}>
                  <TextInput
                    label={t("helpdesk.field.title")}
                    required
                    maxLength={200}
                    value={title()}
                    onInput={(e) => setTitle(e.currentTarget.value)}
                  />
                  <SeverityPicker value={severity()} onChange={setSeverity} />
                  <div class="hd-form-row">
                    <Select
                      label={t("helpdesk.field.category")}
                      required
                      value={categoryId() || o().categories[0]?.id}
                      onChange={(e) => setCategoryId(e.currentTarget.value)}
                      options={o().categories.map((c) => ({ value: c.id, label: categoryName(c) }))}
                    />
                    <Select
                      label={t("helpdesk.field.tenant")}
                      value={tenant()}
                      onChange={(e) => setTenant(e.currentTarget.value)}
                      options={[
                        { value: "", label: t("helpdesk.tenant.own", { name: viewer()?.name ?? "" }) },
                        ...o().groups.map((g) => ({
                          value: g.id,
                          label: t("helpdesk.tenant.group", { name: g.name })
                        }))
                      ]}
                    />
                  </div>
                  <div class="hd-form-row">
                    <TextInput
                      label={t("helpdesk.field.product")}
                      maxLength={100}
                      value={product()}
                      onInput={(e) => setProduct(e.currentTarget.value)}
                    />
                    <TextInput
                      label={t("helpdesk.field.version")}
                      maxLength={50}
                      value={version()}
                      onInput={(e) => setVersion(e.currentTarget.value)}
                    />
                  </div>
                  <Textarea
                    label={t("helpdesk.field.description")}
                    hint={t("helpdesk.field.descriptionHint")}
                    required
                    rows={8}
                    value={description()}
                    onInput={(e) => setDescription(e.currentTarget.value)}
                  />
                  <FileUpload
                    purpose={ATTACHMENT_PURPOSE}
                    maxBytes={ATTACHMENT_MAX_BYTES}
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
                    <Button onClick={() => navigate("/tickets")}>{t("common.cancel")}</Button>
                    <Button type="submit" variant="primary" loading={busy()} disabled={uploading()}>
                      {t("helpdesk.new.submit")}
                    </Button>
                  </div>
                </form>
              </Card>
              <aside class="hd-aside" aria-label={t("helpdesk.new.aside")}>
                <Slot slot={ticketFormAside} props={{ title: title(), description: description() }} />
              </aside>
            </div>
          )}
        </Show>
      </Show>
    </Page>
  )
}
