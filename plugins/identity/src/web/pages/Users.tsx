/**
 * @module Admin › Users: everyone who can sign in, their roles, groups and status;
 * create a user, change a user's name, roles or status.
 */
import { A } from "@solidjs/router"
import { Badge, Button, type Column, createPagedList, formatDateTime, t } from "@wharf/core/web"
import { createMemo, createSignal, For, Show } from "solid-js"
import type { UserSummary } from "../../shared/types"
import { api } from "../api"
import { None, RoleBadges } from "../parts"
import { DirectoryPage } from "./DirectoryPage"
import { CreateUserDialog, EditUserDialog } from "./UserForms"

export default function Users() {
  const list = createPagedList((q) => api.users.list.query(q))
  const [creating, setCreating] = createSignal(false)
  const [editing, setEditing] = createSignal<UserSummary>()

  // A memo so the headers follow the language, and the rows are not redrawn for nothing.
  const columns = createMemo(
    (): ReadonlyArray<Column<UserSummary>> => [
      { header: t("identity.field.name"), cell: (u) => <span class="idn-name">{u.name}</span> },
      { header: t("identity.field.email"), cell: (u) => u.email },
      { header: t("identity.field.roles"), cell: (u) => <RoleBadges roles={u.roles} /> },
      {
        header: t("identity.users.groups"),
        cell: (u) => (
          <Show when={u.groups.length > 0} fallback={<None />}>
            <span class="idn-links">
              <For each={u.groups}>
                {(g) => (
                  <A href={`/admin/groups/${g.id}`} class="mono">
                    {g.name}
                  </A>
                )}
              </For>
            </span>
          </Show>
        )
      },
      { header: t("identity.field.language"), cell: (u) => t(`identity.locale.${u.locale}`) },
      {
        header: t("identity.users.status"),
        cell: (u) =>
          u.disabled ? (
            <Badge tone="danger">{t("identity.users.disabled")}</Badge>
          ) : (
            <Badge tone="success">{t("identity.users.active")}</Badge>
          )
      },
      {
        header: t("identity.field.created"),
        cell: (u) => <span class="muted">{formatDateTime(u.createdAt)}</span>
      },
      {
        header: t("identity.field.actions"),
        align: "right",
        cell: (u) => (
          <Button size="sm" variant="ghost" onClick={() => setEditing(u)}>
            {t("common.edit")}
          </Button>
        )
      }
    ]
  )

  return (
    <DirectoryPage kind="users" list={list} columns={columns()} onNew={() => setCreating(true)}>
      <CreateUserDialog open={creating()} onClose={() => setCreating(false)} onCreated={list.refetch} />
      <EditUserDialog user={editing()} onClose={() => setEditing(undefined)} onSaved={list.refetch} />
    </DirectoryPage>
  )
}
