/**
 * @module API tokens for the CLI and scripts: list, create, revoke. A new token is shown
 * once, in full, with a copy button; the server keeps only its hash.
 */
import {
  Button,
  Card,
  type Column,
  ConfirmDialog,
  createAction,
  Dialog,
  describeError,
  ErrorNotice,
  fieldIssues,
  formatDateTime,
  settled,
  Table,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createMemo, createResource, createSignal, Show } from "solid-js"
import type { ApiTokenSummary } from "../../shared/types"
import { api } from "../api"
import { checkName, curlExample } from "../rules"

const origin = () => (typeof location === "undefined" ? "" : location.origin)

export const TokensCard = () => {
  const [tokens, { refetch }] = createResource(() => api.tokens.list.query())
  const [created, setCreated] = createSignal<{ name: string; token: string }>()
  const [revoking, setRevoking] = createSignal<ApiTokenSummary>()
  const revokeAction = createAction()

  const revoke = async () => {
    const token = revoking()
    if (!token) return
    const revoked = () => api.tokens.revoke.mutate({ id: token.id })
    if (await revokeAction.run(revoked, () => t("identity.tokens.revoked", { name: token.name }))) {
      setRevoking(undefined)
      void refetch()
    }
  }

  const columns = createMemo(
    (): ReadonlyArray<Column<ApiTokenSummary>> => [
      { header: t("identity.tokens.name"), cell: (k) => <span class="idn-name">{k.name}</span> },
      { header: t("identity.tokens.prefix"), cell: (k) => <span class="mono">{k.prefix}…</span> },
      {
        header: t("identity.field.created"),
        cell: (k) => <span class="muted">{formatDateTime(k.createdAt)}</span>
      },
      {
        header: t("identity.tokens.lastUsed"),
        cell: (k) => (
          <Show when={k.lastUsedAt} fallback={<span class="muted">{t("identity.tokens.never")}</span>}>
            {(at) => <span class="muted">{formatDateTime(at())}</span>}
          </Show>
        )
      },
      {
        header: t("identity.field.actions"),
        align: "right",
        cell: (k) => (
          <Button size="sm" variant="ghost" onClick={() => setRevoking(k)}>
            {t("identity.tokens.revoke")}
          </Button>
        )
      }
    ]
  )

  return (
    <Card title={t("identity.tokens.title")}>
      <p class="muted">{t("identity.tokens.intro")}</p>
      <div class="idn-section">
        <CreateTokenForm
          onCreated={(c) => {
            setCreated(c)
            void refetch()
          }}
        />
      </div>
      <div class="idn-section">
        <Show
          when={!(tokens.error && !tokens.loading)}
          fallback={<ErrorNotice error={tokens.error} onRetry={() => void refetch()} />}
        >
          <Table
            caption={t("identity.tokens.title")}
            columns={columns()}
            rows={settled(tokens)}
            loading={tokens.loading}
            empty={{ title: t("identity.tokens.empty"), hint: t("identity.tokens.emptyHint") }}
          />
        </Show>
      </div>
      <div class="idn-section">
        <h3 class="idn-section-title">{t("identity.tokens.usage")}</h3>
        <p class="muted">{t("identity.tokens.usageHint")}</p>
        <code class="idn-code">{curlExample(origin())}</code>
      </div>
      <TokenCreatedDialog created={created()} onClose={() => setCreated(undefined)} />
      <ConfirmDialog
        open={revoking() !== undefined}
        title={t("identity.tokens.revokeTitle", { name: revoking()?.name ?? "" })}
        message={t("identity.tokens.revokeMessage")}
        confirmLabel={t("identity.tokens.revokeConfirm")}
        busy={revokeAction.busy()}
        onConfirm={revoke}
        onClose={() => setRevoking(undefined)}
      />
    </Card>
  )
}

const CreateTokenForm = (props: { onCreated: (created: { name: string; token: string }) => void }) => {
  const [name, setName] = createSignal("")
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const problem = checkName(name()).name
    setError(
      problem
        ? t(problem === "identity.check.nameRequired" ? "identity.tokens.nameRequired" : problem)
        : undefined
    )
    if (problem) return
    setBusy(true)
    try {
      const created = await api.tokens.create.mutate({ name: name().trim() })
      setName("")
      props.onCreated({ name: created.name, token: created.token })
    } catch (err) {
      setError(fieldIssues(err).name ?? describeError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <div class="idn-inline-form">
        <TextInput
          label={t("identity.tokens.name")}
          placeholder={t("identity.tokens.namePlaceholder")}
          autocomplete="off"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          hint={t("identity.tokens.nameHint")}
          error={error()}
          maxLength={100}
          required
        />
        <Button type="submit" variant="primary" loading={busy()}>
          {t("identity.tokens.create")}
        </Button>
      </div>
    </form>
  )
}

/** The new token in full, this once. Copy uses the clipboard API, else selects the text for Ctrl+C. */
const TokenCreatedDialog = (props: {
  created: { name: string; token: string } | undefined
  onClose: () => void
}) => {
  let field: HTMLInputElement | undefined
  const [copied, setCopied] = createSignal(false)

  const selectAll = () => {
    field?.focus()
    field?.select()
  }
  const copy = async () => {
    const token = props.created?.token
    if (!token) return
    try {
      // Absent outside secure contexts (plain http on a LAN address), or refused.
      if (!navigator.clipboard) throw new Error("no clipboard")
      await navigator.clipboard.writeText(token)
      setCopied(true)
      toast(t("identity.tokens.copied"))
    } catch {
      selectAll()
      toast(t("identity.tokens.copyManually"), "error")
    }
  }

  return (
    <Dialog
      open={props.created !== undefined}
      title={t("identity.tokens.createdTitle", { name: props.created?.name ?? "" })}
      onClose={() => {
        setCopied(false)
        props.onClose()
      }}
      footer={
        <Button
          variant="primary"
          onClick={() => {
            setCopied(false)
            props.onClose()
          }}
        >
          {t("identity.tokens.done")}
        </Button>
      }
    >
      <div class="notice idn-notice-warning" role="status">
        {t("identity.tokens.onceWarning")}
      </div>
      <label class="field-label" for="idn-new-token">
        {t("identity.tokens.yourToken")}
      </label>
      <div class="idn-secret">
        <input
          ref={field}
          id="idn-new-token"
          class="input"
          readOnly
          value={props.created?.token ?? ""}
          onFocus={(e) => e.currentTarget.select()}
          spellcheck={false}
        />
        <Button onClick={copy}>{t(copied() ? "identity.tokens.copiedShort" : "identity.tokens.copy")}</Button>
      </div>
      <p class="muted">{t("identity.tokens.tryIt")}</p>
      <code class="idn-code">{curlExample(origin(), props.created?.token)}</code>
    </Dialog>
  )
}
