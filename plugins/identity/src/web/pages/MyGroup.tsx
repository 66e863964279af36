/**
 * @module One group the viewer is an admin of: its members, to add (found by name or email),
 * change and remove. A plain member of the group is told only its admins manage it, and gets
 * no controls (the API refuses them too); to anyone else the group is not there.
 */
import { A, useParams } from "@solidjs/router"
import { Card, EmptyState, Page, t, viewer, viewerHas } from "@wharf/core/web"
import { Match, Switch } from "solid-js"
import { namespaceOf } from "../rules"
import { GroupMembers } from "./GroupMembers"

export default function MyGroup() {
  const params = useParams<{ id: string }>()
  const membership = () => viewer()?.groups.find((g) => g.id === params.id)
  const Crumbs = () => (
    <>
      <A href="/groups">{t("identity.myGroups.title")}</A>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{membership()?.name ?? "…"}</span>
    </>
  )
  const Notice = (props: { text: string; admin?: boolean }) => (
    <Page title={membership()?.name ?? t("identity.group.title")} breadcrumbs={<Crumbs />}>
      <Card>
        <EmptyState
          title={props.text}
          action={
            props.admin ? (
              <A href={`/admin/groups/${params.id}`}>{t("identity.myGroups.openAdmin")}</A>
            ) : (
              <A href="/groups">{t("identity.myGroups.title")}</A>
            )
          }
        />
      </Card>
    </Page>
  )
  return (
    <Switch fallback={<Notice text={t("identity.myGroups.notFound")} />}>
      <Match when={membership()?.role === "admin" && membership()}>
        {(g) => (
          <Page
            title={g().name}
            subtitle={t("identity.myGroups.subtitleOne", { namespace: namespaceOf(g().name) })}
            breadcrumbs={<Crumbs />}
          >
            <GroupMembers group={g()} onChanged={() => undefined} />
          </Page>
        )}
      </Match>
      <Match when={viewerHas("admin")}>
        <Notice text={t("identity.myGroups.platformAdmin")} admin />
      </Match>
      <Match when={membership()}>
        <Notice text={t("identity.myGroups.notAdmin")} />
      </Match>
    </Switch>
  )
}
