/**
 * @module The groups the viewer is an admin of (not a platform admin: they have Admin ›
 * Groups), each opening its members, which the group's admins manage.
 */
import { A } from "@solidjs/router"
import { Card, type Column, Page, Table, t, type Viewer, viewer } from "@wharf/core/web"
import { namespaceOf } from "../rules"

type Membership = Viewer["groups"][number]

/** The viewer's groups they are an admin of, by name. */
export const managedGroups = () =>
  (viewer()?.groups ?? []).filter((g) => g.role === "admin").sort((a, b) => a.name.localeCompare(b.name))

export default function MyGroups() {
  const columns: ReadonlyArray<Column<Membership>> = [
    {
      header: t("identity.field.groupName"),
      cell: (g) => (
        <A href={`/groups/${g.id}`} class="mono">
          {g.name}
        </A>
      )
    },
    { header: t("identity.group.namespace"), cell: (g) => <span class="mono">{namespaceOf(g.name)}</span> },
    {
      header: t("identity.field.actions"),
      align: "right",
      cell: (g) => (
        <A href={`/groups/${g.id}`} aria-label={t("identity.myGroups.manageOf", { name: g.name })}>
          {t("identity.myGroups.manage")}
        </A>
      )
    }
  ]
  return (
    <Page title={t("identity.myGroups.title")} subtitle={t("identity.myGroups.subtitle")}>
      <Card>
        <Table
          caption={t("identity.myGroups.caption")}
          columns={columns}
          rows={managedGroups()}
          empty={{ title: t("identity.myGroups.empty"), hint: t("identity.myGroups.emptyHint") }}
        />
      </Card>
    </Page>
  )
}
