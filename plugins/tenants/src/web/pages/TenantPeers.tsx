/**
 * @module Which other tenants may reach this tenant's namespace (its NetworkPolicy lets in
 * only its own pods and the platform's otherwise). Everyone who sees the tenant sees the
 * list; admins add a tenant from a picker and remove one after confirming.
 */
import {
  Button,
  Card,
  type Column,
  ConfirmDialog,
  createAction,
  ErrorNotice,
  Select,
  settled,
  Table,
  t,
  viewerHas
} from "@wharf/core/web"
import { createMemo, createResource, createSignal, Show } from "solid-js"
import type { TenantRef } from "../../shared/types"
import { api } from "../api"

const label = (tenant: TenantRef) => `${tenant.name} (${tenant.id})`

export const TenantPeers = (props: { tenant: TenantRef }) => {
  const isAdmin = () => viewerHas("admin")
  const [peers, { refetch }] = createResource(
    () => props.tenant.id,
    (tenantId) => api.peers.list.query({ tenantId })
  )
  // Only admins pick: the picker offers every tenant Wharf knows but this one and those let in.
  const [all] = createResource(
    () => isAdmin() || undefined,
    () => api.list.query({})
  )
  const choices = createMemo(() => {
    const taken = new Set([props.tenant.id, ...(settled(peers) ?? []).map((p) => p.id)])
    return (settled(all) ?? []).filter((c) => !taken.has(c.id))
  })
  const [chosen, setChosen] = createSignal("")
  const action = createAction()
  const [removing, setRemoving] = createSignal<TenantRef>()

  const add = async (e: SubmitEvent) => {
    e.preventDefault()
    const peer = chosen() || choices()[0]?.id
    if (!peer) return
    const name = choices().find((c) => c.id === peer)?.name ?? peer
    if (
      await action.run(
        () => api.peers.allow.mutate({ tenantId: props.tenant.id, peer }),
        () => t("peers.added", { name })
      )
    ) {
      setChosen("")
      await refetch()
    }
  }
  const remove = async () => {
    const peer = removing()
    if (!peer) return
    const forbid = () => api.peers.forbid.mutate({ tenantId: props.tenant.id, peer: peer.id })
    if (await action.run(forbid, () => t("peers.removed", { name: peer.name }))) {
      setRemoving(undefined)
      await refetch()
    }
  }

  const columns = createMemo(
    (): ReadonlyArray<Column<TenantRef>> => [
      { header: t("tenants.name"), cell: (p) => p.name },
      { header: t("tenants.kind"), cell: (p) => t(`tenants.kind.${p.kind}`) },
      { header: t("tenants.namespace"), cell: (p) => <span class="mono">{p.namespace}</span> },
      ...(isAdmin()
        ? [
            {
              header: "",
              align: "right" as const,
              cell: (p: TenantRef) => (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t("peers.removeOf", { name: p.name })}
                  onClick={() => setRemoving(p)}
                >
                  {t("peers.remove")}
                </Button>
              )
            }
          ]
        : [])
    ]
  )

  return (
    <Card title={t("peers.title")}>
      <p class="muted">{t("peers.explain", { namespace: props.tenant.namespace })}</p>
      <Show when={isAdmin()}>
        <form class="peers-add" onSubmit={add} aria-label={t("peers.add")}>
          <Select
            label={t("peers.choose")}
            value={chosen() || (choices()[0]?.id ?? "")}
            options={choices().map((c) => ({ value: c.id, label: label(c) }))}
            disabled={choices().length === 0}
            onChange={(e) => setChosen(e.currentTarget.value)}
          />
          <Button type="submit" variant="primary" loading={action.busy()} disabled={choices().length === 0}>
            {t("peers.add")}
          </Button>
        </form>
      </Show>
      <Show when={!peers.error} fallback={<ErrorNotice error={peers.error} onRetry={() => void refetch()} />}>
        <Table
          caption={t("peers.title")}
          columns={columns()}
          rows={settled(peers)}
          loading={peers.loading && !peers.latest}
          empty={{ title: t("peers.empty"), hint: t("peers.emptyHint") }}
        />
      </Show>
      <ConfirmDialog
        open={removing() !== undefined}
        title={t("peers.removeTitle")}
        message={t("peers.removeMessage", {
          peer: removing()?.name ?? "",
          tenant: props.tenant.name
        })}
        confirmLabel={t("peers.remove")}
        busy={action.busy()}
        onConfirm={remove}
        onClose={() => setRemoving(undefined)}
      />
    </Card>
  )
}
