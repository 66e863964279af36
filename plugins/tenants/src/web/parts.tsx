/** @module Pieces the tenants pages share: used/hard bars, a value edited in place, the host section, a searchable table card. */
import { Card, type Column, SearchInput, Table, t } from "@wharf/core/web"
import { createResource, createSignal, For, Show } from "solid-js"
import { formatAmount, share } from "../shared/format"
import { type ClusterQuota, RESOURCE_KINDS, type ResourceKind, type Resources } from "../shared/types"
import { api } from "./api"
import "./tenants.css"

export const kindLabel = (kind: ResourceKind) => t(`tenants.${kind}`)

/** One resource: a bar of used over hard, and the numbers. */
const QuotaBar = (props: { kind: ResourceKind; used: number | null; hard: number }) => {
  const s = () => share(props.used ?? 0, props.hard)
  return (
    <div class="quota-bar">
      <strong>{kindLabel(props.kind)}</strong>
      <div class="quota-track" aria-hidden="true">
        <div
          class={`quota-fill ${s() >= 0.9 ? "full" : s() >= 0.7 ? "warn" : ""}`}
          style={{ width: `${s() * 100}%` }}
        />
      </div>
      <span class="quota-text">
        {t("tenants.usedOf", {
          used: props.used === null ? "—" : formatAmount(props.kind, props.used),
          hard: formatAmount(props.kind, props.hard)
        })}
      </span>
    </div>
  )
}

const sum = (rows: ReadonlyArray<Resources | null>): Resources | null =>
  rows.some((r) => r === null)
    ? null
    : {
        cpu: rows.reduce((s, r) => s + r!.cpu, 0),
        memory: rows.reduce((s, r) => s + r!.memory, 0),
        // Storage is one quota for the tenant on a cluster: every priority reports the same use.
        storage: rows[0]?.storage ?? 0,
        network: rows.reduce((s, r) => s + r!.network, 0)
      }

/** A tenant's quota on one cluster: bars of the totals, then each priority. */
export const ClusterQuotaCard = (props: { quota: ClusterQuota; title?: string }) => {
  const hard = () => sum(props.quota.priorities.map((p) => p.hard))!
  const used = () => sum(props.quota.priorities.map((p) => p.used))
  return (
    <Card title={props.title ?? props.quota.clusterName}>
      <div class="quota-bars">
        <For each={RESOURCE_KINDS}>
          {(kind) => <QuotaBar kind={kind} hard={hard()[kind]} used={used()?.[kind] ?? null} />}
        </For>
      </div>
      <Show when={props.quota.problem}>
        <p class="field-hint">{t("tenants.notApplied", { problem: props.quota.problem ?? "" })}</p>
      </Show>
      <table class="table" style={{ "margin-top": "var(--space-4)" }}>
        <thead>
          <tr>
            <th>{t("tenants.priority")}</th>
            <For each={RESOURCE_KINDS}>{(k) => <th class="align-right">{kindLabel(k)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.quota.priorities}>
            {(p) => (
              <tr>
                <td>{p.priority}</td>
                <For each={RESOURCE_KINDS}>
                  {(k) => (
                    <td class="align-right">
                      {p.used ? formatAmount(k, p.used[k]) : "—"} / {formatAmount(k, p.hard[k])}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Card>
  )
}

/** A number shown as text; click (or Enter) to edit in place, Enter saves, Esc cancels. */
export const InlineNumber = (props: {
  value: number
  label: string
  format?: (n: number) => string
  onSave: (value: number) => Promise<boolean>
}) => {
  const [editing, setEditing] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  let input: HTMLInputElement | undefined
  const save = async () => {
    const value = Number(input?.value)
    if (input?.value === String(props.value)) return setEditing(false)
    setBusy(true)
    const ok = await props.onSave(value)
    setBusy(false)
    if (ok) setEditing(false)
  }
  return (
    <Show
      when={editing()}
      fallback={
        <button
          type="button"
          class="inline-value"
          aria-label={t("quotas.edit", { field: props.label })}
          onClick={() => setEditing(true)}
        >
          {props.format ? props.format(props.value) : props.value}
        </button>
      }
    >
      <input
        ref={(el) => {
          input = el
          queueMicrotask(() => el.focus())
        }}
        class="input inline-input"
        type="number"
        aria-label={props.label}
        value={props.value}
        disabled={busy()}
        onKeyDown={(e) => {
          if (e.key === "Enter") void save()
          if (e.key === "Escape") setEditing(false)
        }}
        onBlur={() => !busy() && setEditing(false)}
      />
    </Show>
  )
}

/** The host page's section: its pods by priority, their bandwidth, pods preempted there. */
export const HostPriorities = (props: { clusterId: string; node: string }) => {
  const [data] = createResource(
    () => ({ clusterId: props.clusterId, node: props.node }),
    (q) => api.host.query(q)
  )
  return (
    <Show when={data.latest}>
      {(d) => (
        <Card title={t("host.priorities")}>
          <ul class="plain-list">
            <For each={d().priorities}>
              {(p) => (
                <li>
                  <strong>
                    {t("tenants.priority")} {p.priority}
                  </strong>{" "}
                  <span class="mono muted">{p.className ?? ""}</span> —{" "}
                  {t("host.priorityPods", { count: p.pods })}
                </li>
              )}
            </For>
          </ul>
          <p class="muted">{t("host.network", { amount: formatAmount("network", d().network) })}</p>
          <Show when={d().preemptions.length > 0}>
            <h3>{t("tenants.preemptions")}</h3>
            <ul class="plain-list">
              <For each={d().preemptions}>
                {(p) => (
                  <li>
                    <span class="mono">
                      {p.namespace}/{p.pod}
                    </span>{" "}
                    {t("tenants.preemptedBy", { by: p.by })}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Card>
      )}
    </Show>
  )
}

/** A card of rows with its own search box in the header (tenants, a tenant's users). */
export const SearchTableCard = <T,>(props: {
  title: string
  searchLabel: string
  search: string
  onSearch: (value: string) => void
  columns: ReadonlyArray<Column<T>>
  rows: ReadonlyArray<T> | undefined
  loading?: boolean
  empty: string
}) => (
  <Card
    title={props.title}
    actions={
      <SearchInput
        value={props.search}
        onInput={props.onSearch}
        placeholder={props.searchLabel}
        label={props.searchLabel}
      />
    }
  >
    <Table
      caption={props.title}
      columns={props.columns}
      rows={props.rows}
      loading={props.loading ?? false}
      empty={{ title: props.empty }}
    />
  </Card>
)
