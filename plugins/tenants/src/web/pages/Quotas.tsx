/**
 * @module The admins' quota page (the seed's 配额 tab): a cluster's quotas by tenant, each
 * priority's values edited in place, "+" adds a priority, 删除 deletes one; 新建 creates a
 * quota for a user (by email) or a group (by name) with the seed's defaults; a summary of
 * the sum beside the cluster's capacity, warning where quotas promise more than exists.
 * Tenants come a page at a time (searchable): a cluster may be shared by hundreds.
 */
import {
  Badge,
  Button,
  Card,
  ChoiceGroup,
  createAction,
  createPagedList,
  createSubmit,
  EmptyState,
  ErrorNotice,
  FormDialog,
  FormError,
  Loading,
  Page,
  Pagination,
  SearchInput,
  Select,
  TextInput,
  t,
  toast,
  tPlural
} from "@wharf/core/web"
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from "solid-js"
import { formatAmount } from "../../shared/format"
import { QUOTA_DEFAULTS } from "../../shared/schemas"
import { type QuotaRow, type QuotaSummary, RESOURCE_KINDS, type ResourceKind } from "../../shared/types"
import { api } from "../api"
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
  // The cluster's sum and capacity come with each page of tenants (one request per page).
  const [summary, setSummary] = createSignal<QuotaSummary>()
  const list = createPagedList(async (page) => {
    const id = clusterId()
    if (!id) return { items: [], total: 0 }
    const s = await api.quotas.summary.query({ clusterId: id, ...page })
    setSummary(s)
    return { items: s.rows, total: s.tenants }
  })
  createEffect(on(clusterId, () => list.setOffset(0), { defer: true }))
  const byTenant = createMemo(() => {
    const groups = new Map<string, QuotaRow[]>()
    for (const r of list.rows() ?? []) groups.set(r.tenant.id, [...(groups.get(r.tenant.id) ?? []), r])
    return [...groups.values()]
  })
  const [dialog, setDialog] = createSignal<{
    type: "user" | "leasee"
    subject: string
    fixed: boolean
  } | null>(null)

  const action = createAction()
  const save = async (row: QuotaRow, field: Field, value: number) => {
    const saved = await action.run(
      () => api.quotas.update.mutate({ id: row.id, [field]: value }),
      () => t("quotas.saved")
    )
    if (saved) list.refetch()
    return saved
  }
  const remove = async (row: QuotaRow) => {
    const deleted = () => api.quotas.delete.mutate({ id: row.id })
    if (await action.run(deleted, () => t("quotas.deleted", { priority: row.priority }))) list.refetch()
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
        <SearchInput
          label={t("quotas.search")}
          placeholder={t("quotas.search")}
          value={list.searchText()}
          onInput={list.onSearch}
        />
        <span class="muted">{t("quotas.editHint")}</span>
      </div>
      <Show when={!list.error()} fallback={<ErrorNotice error={list.error()} onRetry={list.refetch} />}>
        <Show when={summary()}>{(s) => <SummaryCard summary={s()} />}</Show>
        <Show
          when={byTenant().length > 0}
          fallback={
            <Show when={!list.loading() && !clusters.loading} fallback={<Loading />}>
              <EmptyState
                title={list.search() ? t("quotas.noMatch", { search: list.search() }) : t("quotas.empty")}
              />
            </Show>
          }
        >
          <For each={byTenant()}>
            {(rows) => (
              <TenantCard
                rows={rows}
                onSave={save}
                onRemove={(row) => void remove(row)}
                onAddPriority={() =>
                  setDialog({
                    type: rows[0]!.tenant.kind === "user" ? "user" : "leasee",
                    subject: rows[0]!.tenant.name,
                    fixed: true
                  })
                }
              />
            )}
          </For>
          <Pagination
            offset={list.offset()}
            limit={list.limit}
            total={list.total()}
            onChange={list.setOffset}
          />
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
              list.refetch()
            }}
          />
        )}
      </Show>
    </Page>
  )
}

/** A tenant's priorities on the cluster, each value edited in place. */
const TenantCard = (props: {
  rows: ReadonlyArray<QuotaRow>
  onSave: (row: QuotaRow, field: Field, value: number) => Promise<boolean>
  onRemove: (row: QuotaRow) => void
  onAddPriority: () => void
}) => {
  const tenant = () => props.rows[0]!.tenant
  return (
    <Card
      title={`${tenant().name} (${tenant().id})`}
      actions={
        <Button
          size="sm"
          aria-label={`${t("quotas.addPriority")} ${tenant().name}`}
          onClick={props.onAddPriority}
        >
          + {t("quotas.addPriority")}
        </Button>
      }
    >
      <table class="table" aria-label={tenant().name}>
        <thead>
          <tr>
            <For each={FIELDS}>{(f) => <th>{fieldLabel(f)}</th>}</For>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <For each={FIELDS}>
                  {(f) => (
                    <td>
                      <InlineNumber
                        value={row[f]}
                        label={`${fieldLabel(f)} (${t("tenants.priority")} ${row.priority})`}
                        onSave={(v) => props.onSave(row, f, v)}
                      />
                    </td>
                  )}
                </For>
                <td class="align-right">
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={`${t("quotas.delete")} ${t("tenants.priority")} ${row.priority}`}
                    onClick={() => props.onRemove(row)}
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
  )
}

/** Every priority of every tenant on the cluster summed, beside what the cluster's hosts have. */
const SummaryCard = (props: { summary: QuotaSummary }) => {
  const s = () => props.summary
  return (
    <Card
      title={t("quotas.summary")}
      actions={<span class="muted">{tPlural("quotas.priorities", s().priorities)}</span>}
    >
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
      <table class="table" aria-label={t("quotas.summary")}>
        <thead>
          <tr>
            <th />
            <For each={RESOURCE_KINDS}>{(k) => <th class="align-right">{kindLabel(k)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>{t("quotas.total")}</th>
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
