/**
 * @module Admin › Groups › one group: its name, namespace and description (editable),
 * and its members: add by email, change a member's role, remove.
 *
 * There is no `groups.get`: the group is found in `groups.list` by id, paging through
 * the list (200 at a time) so a group past the first page is still found.
 */
import { A, useParams } from "@solidjs/router"
import {
  Button,
  Card,
  EmptyState,
  ErrorNotice,
  formatDateTime,
  formatNumber,
  Loading,
  Page,
  settled,
  t
} from "@wharf/core/web"
import { createResource, createSignal, Match, Show, Switch } from "solid-js"
import type { GroupSummary } from "../../shared/types"
import { api } from "../api"
import { None } from "../parts"
import { namespaceOf } from "../rules"
import { GroupDialog } from "./GroupForm"
import { GroupMembers } from "./GroupMembers"

const LOOKUP_PAGE = 200

const findGroup = async (id: string): Promise<GroupSummary | null> => {
  for (let offset = 0; ; offset += LOOKUP_PAGE) {
    const page = await api.groups.list.query({ search: "", limit: LOOKUP_PAGE, offset })
    const found = page.items.find((g) => g.id === id)
    if (found) return found
    if (offset + LOOKUP_PAGE >= page.total || page.items.length === 0) return null
  }
}

export default function Group() {
  const params = useParams<{ id: string }>()
  const [group, { refetch, mutate }] = createResource(() => params.id, findGroup)
  const [editing, setEditing] = createSignal(false)
  const current = () => settled(group) ?? undefined

  const Crumbs = () => (
    <>
      <A href="/admin/groups">{t("identity.groups.title")}</A>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{current()?.name ?? "…"}</span>
    </>
  )

  return (
    <Switch>
      <Match when={group.error && !group.loading}>
        <Page title={t("identity.group.title")} breadcrumbs={<Crumbs />}>
          <ErrorNotice error={group.error} onRetry={refetch} />
        </Page>
      </Match>
      <Match when={settled(group) === null}>
        <Page title={t("identity.group.notFound")} breadcrumbs={<Crumbs />}>
          <Card>
            <EmptyState
              title={t("identity.group.notFound")}
              hint={t("identity.group.notFoundHint")}
              action={<A href="/admin/groups">{t("identity.group.backToGroups")}</A>}
            />
          </Card>
        </Page>
      </Match>
      <Match when={current()}>
        {(g) => (
          <Page
            title={g().name}
            subtitle={g().description || t("identity.group.noDescription")}
            breadcrumbs={<Crumbs />}
            actions={<Button onClick={() => setEditing(true)}>{t("identity.group.edit")}</Button>}
          >
            <Card title={t("identity.group.details")}>
              <dl class="idn-details">
                <dt>{t("identity.field.groupName")}</dt>
                <dd class="mono">{g().name}</dd>
                <dt>{t("identity.group.namespace")}</dt>
                <dd class="mono">{namespaceOf(g().name)}</dd>
                <dt>{t("identity.field.description")}</dt>
                <dd>
                  <Show when={g().description} fallback={<None />}>
                    {g().description}
                  </Show>
                </dd>
                <dt>{t("identity.groups.members")}</dt>
                <dd>{formatNumber(g().memberCount)}</dd>
                <dt>{t("identity.field.created")}</dt>
                <dd>{formatDateTime(g().createdAt)}</dd>
              </dl>
            </Card>
            <GroupMembers group={g()} onChanged={() => void refetch()} />
            <GroupDialog
              open={editing()}
              group={g()}
              onClose={() => setEditing(false)}
              onSaved={(saved) => mutate(saved)}
            />
          </Page>
        )}
      </Match>
      <Match when={true}>
        <Page title={t("identity.group.title")} breadcrumbs={<Crumbs />}>
          <Loading />
        </Page>
      </Match>
    </Switch>
  )
}
