/**
 * @module 概述: status (and why), what it is and where, its dependencies and dependents (linked),
 * component links (the app's own UI through Wharf's service proxy), replicas per role with
 * scaling by hand (CAT-7), the Kubernetes events of its objects.
 */
import { A } from "@solidjs/router"
import { Badge, Button, Card, type Column, formatDateTime, Table, t, toast } from "@wharf/core/web"
import { createSignal, Show } from "solid-js"
import type { InstanceDetail } from "../../shared/instances"
import { describe, tr } from "../api"
import { apps } from "../instances"
import { ListCard } from "../ListCard"
import { StatusBadge, StatusNote } from "../panel/StatusBadge"
import { Events } from "./Events"

type Role = InstanceDetail["roles"][number]

export const Overview = (props: { instance: InstanceDetail; onChanged: () => void }) => {
  const i = () => props.instance
  const roleColumns: ReadonlyArray<Column<Role>> = [
    { header: t("catalog.role"), cell: (r) => r.name },
    { header: t("instance.ready"), cell: (r) => `${r.ready} / ${r.replicas}`, nowrap: true },
    {
      header: t("instance.scale"),
      cell: (r) => <ScaleRole instance={i()} role={r} onScaled={props.onChanged} />
    }
  ]
  return (
    <div class="app-sections">
      <Card title={t("instance.status")}>
        <div class="instance-status">
          <StatusBadge status={i().status} />
          <StatusNote instance={i()} />
        </div>
        <dl class="install-facts">
          <dt>{t("instance.app")}</dt>
          <dd>
            <A href={`/catalog/${i().app}`}>{i().title}</A> {i().version}
          </dd>
          <dt>{t("install.tenant")}</dt>
          <dd>{i().tenant}</dd>
          <dt>{t("install.cluster")}</dt>
          <dd>{i().clusterName}</dd>
          <dt>{t("panel.namespace")}</dt>
          <dd class="mono">{i().namespace}</dd>
          <dt>{t("install.visibility")}</dt>
          <dd>{t(`install.visibility.${i().visibility}`)}</dd>
          <dt>{t("instance.generation")}</dt>
          <dd>{i().generation}</dd>
          <dt>{t("instance.created")}</dt>
          <dd>{formatDateTime(i().createdAt)}</dd>
        </dl>
      </Card>
      <ListCard title={t("catalog.links")} items={i().links} none={t("catalog.noLinks")} class="app-deps">
        {(link) => (
          <a href={link.url} target="_blank" rel="noopener">
            {tr(link.label)} ↗
          </a>
        )}
      </ListCard>
      <div class="instance-pair">
        <ListCard
          title={t("catalog.dependencies")}
          items={i().dependencies}
          none={t("catalog.noDependencies")}
          class="instance-links"
        >
          {(d) => (
            <>
              <span class="muted">{d.app}</span>{" "}
              <Show when={d.instance} fallback={<Badge>{t("install.pick.none")}</Badge>}>
                {(name) => (
                  <>
                    <A href={`/apps/${name()}`}>{name()}</A>{" "}
                    <Show when={d.status}>{(s) => <StatusBadge status={s()} />}</Show>
                  </>
                )}
              </Show>
            </>
          )}
        </ListCard>
        <ListCard
          title={t("instance.dependents")}
          items={i().dependents}
          none={t("instance.noDependents")}
          class="instance-links"
        >
          {(d) => (
            <>
              <A href={`/apps/${d.name}`}>{d.name}</A> <span class="muted">{d.app}</span>
            </>
          )}
        </ListCard>
      </div>
      <Card title={t("catalog.roles")}>
        <Table caption={t("catalog.roles")} columns={roleColumns} rows={i().roles} empty={{ title: "—" }} />
      </Card>
      <Events name={i().name} version={`${i().status} ${i().updatedAt}`} />
    </div>
  )
}

/** Replicas of one role, changed by hand; the reconciler rolls it out. */
const ScaleRole = (props: { instance: InstanceDetail; role: Role; onScaled: () => void }) => {
  const [value, setValue] = createSignal(String(props.role.replicas))
  const [busy, setBusy] = createSignal(false)
  const n = () => Number(value())
  const valid = () => Number.isInteger(n()) && n() >= 0
  const scale = async () => {
    setBusy(true)
    try {
      await apps.scale.mutate({ name: props.instance.name, replicas: { [props.role.name]: n() } })
      toast(t("instance.scaled", { role: props.role.name, n: n() }))
      props.onScaled()
    } catch (e) {
      toast(describe(e), "error")
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      class="scale-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (valid()) void scale()
      }}
    >
      <input
        class="input"
        type="number"
        min="0"
        step="1"
        aria-label={t("instance.replicasOf", { role: props.role.name })}
        aria-invalid={valid() ? undefined : "true"}
        value={value()}
        disabled={!props.instance.canChange}
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <Button
        type="submit"
        size="sm"
        loading={busy()}
        disabled={!props.instance.canChange || !valid() || n() === props.role.replicas}
      >
        {t("instance.scaleAction")}
      </Button>
    </form>
  )
}
