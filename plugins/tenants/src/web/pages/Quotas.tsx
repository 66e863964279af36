/**
 * @module The admins' quota page (the seed's 配额 tab): a cluster's quotas by tenant, each
 * priority's values edited in place, "+" adds a priority, 删除 deletes one; 新建 creates a
 * quota for a user (by email) or a group (by name) with the seed's defaults; a summary of
 * the sum beside the cluster's capacity, warning where quotas promise more than exists.
 */
import {
  Badge,
  Button,
  Card,
  ChoiceGroup,
  createSubmit,
  ErrorNotice,
  FormDialog,
  FormError,
  Page,
  Select,
  TextInput,
  t,
  toast
} from "@wharf/core/web"
import { createEffect, createMemo, createResource, createSignal, For, Show } from "solid-js"
import { formatAmount } from "../../shared/format"
import { QUOTA_DEFAULTS } from "../../shared/schemas"
import { type QuotaRow, RESOURCE_KINDS, type ResourceKind } from "../../shared/types"
import { api, describe } from "../api"
import { InlineNumber, kindLabel } from "../parts"

type Field = "priority" | ResourceKind
const FIELDS: ReadonlyArray<Field> = ["priority", ...RESOURCE_KINDS]
const fieldLabel = (f: Field) => (f === "priority" ? t("tenants.priority") : kindLabel(f))

export default function Quotas() {
  const [clusters] = createResource(() => api.clusters.query())
  const [clusterId, setClusterId] = createSignal<string>()
  createEffect(() => {
    if (!clusterId() && clusters.latest?.[0]) setClusterId(clusters.latest[0].id)
  })
  const [summary, { refetch }] = createResource(clusterId, (id) =>
    api.quotas.summary.query({ clusterId: id })
  )
  const byTenant = createMemo(() => {
    const groups = new Map<string, QuotaRow[]>()
    for (const r of summary.latest?.rows ?? [])
      groups.set(r.tenant.id, [...(groups.get(r.tenant.id) ?? []), r])
    return [...groups.values()]
  })
  const [dialog, setDialog] = createSignal<{
    type: "user" | "leasee"
    subject: string
    fixed: boolean
  } | null>(null)

  const save = async (row: QuotaRow, field: Field, value: number) => {
    try {
      await api.quotas.update.mutate({ id: row.id, [field]: value })
      toast(t("quotas.saved"))
      await refetch()
      return true
    } catch (e) {
      toast(describe(e), "error")
      return false
    }
  }
  const remove = async (row: QuotaRow) => {
    try {
      await api.quotas.delete.mutate({ id: row.id })
      toast(t("quotas.deleted", { priority: row.priority }))
      await refetch()
    } catch (e) {
      toast(describe(e), "error")
    }
  }

  return (
    <Page
      title={t("quotas.title")}
      subtitle={t("quotas.subtitle")}
      actions={
        <Button variant="primary" onClick={() => setDialog({ type: "user", subject: "", fixed: false })}>
          {t("quotas.new")}
        </Button>
      }
    >
      <div class="toolbar">
        <Select
          label={t("quotas.chooseCluster")}
          value={clusterId() ?? ""}
          options={(clusters.latest ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(e) => setClusterId(e.currentTarget.value)}
        />
        <span class="muted">{t("quotas.editHint")}</span>
      </div>
      <Show when={!summary.error} fallback={<ErrorNotice error={summary.error} onRetry={refetch} />}>
        <Show when={byTenant().length > 0} fallback={<p class="muted">{t("quotas.empty")}</p>}>
          <For each={byTenant()}>
            {(rows) => (
              <Card
                title={`${rows[0]!.tenant.name} (${rows[0]!.tenant.id})`}
                actions={
                  <Button
                    size="sm"
                    aria-label={`${t("quotas.addPriority")} ${rows[0]!.tenant.name}`}
                    onClick={() =>
                      setDialog({
                        type: rows[0]!.tenant.kind === "user" ? "user" : "leasee",
                        subject: rows[0]!.tenant.name,
                        fixed: true
                      })
                    }
                  >
                    + {t("quotas.addPriority")}
                  </Button>
                }
              >
                <table class="table" aria-label={rows[0]!.tenant.name}>
                  <thead>
                    <tr>
                      <For each={FIELDS}>{(f) => <th>{fieldLabel(f)}</th>}</For>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    <For each={rows}>
                      {(row) => (
                        <tr>
                          <For each={FIELDS}>
                            {(f) => (
                              <td>
                                <InlineNumber
                                  value={row[f]}
                                  label={`${fieldLabel(f)} (${t("tenants.priority")} ${row.priority})`}
                                  onSave={(v) => save(row, f, v)}
                                />
                              </td>
                            )}
                          </For>
                          <td class="align-right">
                            <Button
                              size="sm"
                              variant="danger"
                              aria-label={`${t("quotas.delete")} ${t("tenants.priority")} ${row.priority}`}
                              onClick={() => void remove(row)}
                            >
                              {t("quotas.delete")}
                            </Button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Card>
            )}
          </For>
        </Show>
        <Show when={summary.latest}>
          {(s) => (
            <Card title={t("quotas.summary")}>
              <Show when={s().overcommitted.length > 0}>
                <p role="alert">
                  <Badge tone="warning">
                    {t("quotas.overcommitted", {
                      kinds: s()
                        .overcommitted.map((k) => kindLabel(k))
                        .join(", ")
                    })}
                  </Badge>
                </p>
              </Show>
              <table class="table">
                <thead>
                  <tr>
                    <th>{t("tenants.name")}</th>
                    <For each={FIELDS}>{(f) => <th class="align-right">{fieldLabel(f)}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={s().rows}>
                    {(r) => (
                      <tr>
                        <td class="mono">{r.tenant.name}</td>
                        <For each={FIELDS}>{(f) => <td class="align-right">{r[f]}</td>}</For>
                      </tr>
                    )}
                  </For>
                  <tr>
                    <th>{t("quotas.total")}</th>
                    <td />
                    <For each={RESOURCE_KINDS}>
                      {(k) => (
                        <td class="align-right" classList={{ over: s().overcommitted.includes(k) }}>
                          {formatAmount(k, s().total[k])}
                        </td>
                      )}
                    </For>
                  </tr>
                  <tr>
                    <th>{t("quotas.capacity")}</th>
                    <td />
                    <For each={RESOURCE_KINDS}>
                      {(k) => (
                        <td class="align-right">
                          {k !== "network" && s().capacity ? formatAmount(k, s().capacity![k]) : "—"}
                        </td>
                      )}
                    </For>
                  </tr>
                </tbody>
              </table>
            </Card>
          )}
        </Show>
      </Show>
      <Show when={dialog()}>
        {(d) => (
          <NewQuotaDialog
            initial={d()}
            clusterId={clusterId() ?? ""}
            onClose={() => setDialog(null)}
            onCreated={() => {
              setDialog(null)
              void refetch()
            }}
          />
        )}
      </Show>
    </Page>
  )
}

const NewQuotaDialog = (props: {
  initial: { type: "user" | "leasee"; subject: string; fixed: boolean }
  clusterId: string
  onClose: () => void
  onCreated: () => void
}) => {
  const submit = createSubmit()
  const [type, setType] = createSignal(props.initial.type)
  const [subject, setSubject] = createSignal(props.initial.subject)
  const [values, setValues] = createSignal<Record<Field, string>>({
    priority: String(props.initial.fixed ? 1 : QUOTA_DEFAULTS.priority),
    cpu: String(QUOTA_DEFAULTS.cpu),
    memory: String(QUOTA_DEFAULTS.memory),
    storage: String(QUOTA_DEFAULTS.storage),
    network: String(QUOTA_DEFAULTS.network)
  })
  const onSubmit = () =>
    submit.run(async () => {
      const v = values()
      await api.quotas.create.mutate({
        type: type(),
        subject: subject(),
        clusterId: props.clusterId,
        priority: Number(v.priority),
        cpu: Number(v.cpu),
        memory: Number(v.memory),
        storage: Number(v.storage),
        network: Number(v.network)
      })
      toast(t("quotas.created"))
      props.onCreated()
    })
  return (
    <FormDialog
      open
      title={props.initial.fixed ? t("quotas.addPriority") : t("quotas.new")}
      submitLabel={t("quotas.create")}
      submit={submit}
      onSubmit={onSubmit}
      onClose={props.onClose}
      submitOnEnter
    >
      <Show when={!props.initial.fixed}>
        <ChoiceGroup
          legend={t("quotas.type")}
          type="radio"
          options={[
            { value: "user", label: t("quotas.type.user") },
            { value: "leasee", label: t("quotas.type.leasee") }
          ]}
          selected={[type()]}
          onChange={(v) => setType(v as "user" | "leasee")}
        />
      </Show>
      <TextInput
        label={type() === "user" ? t("quotas.email") : t("quotas.group")}
        value={subject()}
        readOnly={props.initial.fixed}
        onInput={(e) => setSubject(e.currentTarget.value)}
        error={submit.issue("subject")}
        required
      />
      <For each={FIELDS}>
        {(f) => (
          <TextInput
            label={fieldLabel(f)}
            type="number"
            value={values()[f]}
            onInput={(e) => setValues({ ...values(), [f]: e.currentTarget.value })}
            error={submit.issue(f)}
          />
        )}
      </For>
      <FormError message={submit.failure()} />
    </FormDialog>
  )
}
