/**
 * @module Admin › Groups: the leasees (tenants). Each group owns the namespace
 * g-<name>; its members may use it. Create, open and delete groups here.
 */
import { A } from "@solidjs/router"
import {
  Button,
  type Column,
  ConfirmDialog,
  createPagedList,
  describeError,
  formatDateTime,
  formatNumber,
  t,
  toast
} from "@wharf/core/web"
import { createMemo, createSignal, Show } from "solid-js"
import type { GroupSummary } from "../../shared/types"
import { api } from "../api"
import { None } from "../parts"
import { namespaceOf } from "../rules"
import { DirectoryPage } from "./DirectoryPage"
import { GroupDialog } from "./GroupForm"

export default function Groups() {
  const list = createPagedList((q) => api.groups.list.query(q))
  const [creating, setCreating] = createSignal(false)
  const [deleting, setDeleting] = createSignal<GroupSummary>()
  const [busy, setBusy] = createSignal(false)

  const remove = async () => {
    const group = deleting()
    if (!group) return
    setBusy(true)
    try {
      await api.groups.delete.mutate({ id: group.id })
      toast(t("identity.groups.deleted", { name: group.name }))
      setDeleting(undefined)
      list.refetch()
    } catch (err) {
      toast(describeError(err), "error")
    } finally {
      setBusy(false)
    }
  }

  const columns = createMemo(
    (): ReadonlyArray<Column<GroupSummary>> => [
      {
        header: t("identity.field.groupName"),
        cell: (g) => (
          <A href={`/admin/groups/${g.id}`} class="mono">
            {g.name}
          </A>
        )
      },
      {
        header: t("identity.field.description"),
        cell: (g) => (
          <Show when={g.description} fallback={<None />}>
            {g.description}
          </Show>
        )
      },
      { header: t("identity.groups.members"), align: "right", cell: (g) => formatNumber(g.memberCount) },
      {
        header: t("identity.field.created"),
        cell: (g) => <span class="muted">{formatDateTime(g.createdAt)}</span>
      },
      {
        header: t("identity.field.actions"),
        align: "right",
        cell: (g) => (
          <Button size="sm" variant="ghost" onClick={() => setDeleting(g)}>
            {t("common.delete")}
          </Button>
        )
      }
    ]
  )

  return (
    <DirectoryPage kind="groups" list={list} columns={columns()} onNew={() => setCreating(true)} offerFirst>
      <GroupDialog open={creating()} onClose={() => setCreating(false)} onSaved={list.refetch} />
      <ConfirmDialog
        open={deleting() !== undefined}
        title={t("identity.groups.deleteTitle", { name: deleting()?.name ?? "" })}
        message={t("identity.groups.deleteMessage", {
          namespace: namespaceOf(deleting()?.name ?? ""),
          count: deleting()?.memberCount ?? 0
        })}
        confirmLabel={t("identity.groups.deleteConfirm")}
        busy={busy()}
        onConfirm={remove}
        onClose={() => setDeleting(undefined)}
      />
    </DirectoryPage>
  )
}
