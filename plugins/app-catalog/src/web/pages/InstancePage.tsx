/**
 * @module An installed app's page (CP-4..6): red 删除 at the top right, then 概述, 配置 and
 * 控制台 tabs (kept in the URL). Its status follows the cluster live over the same stream as
 * the control panel.
 */
import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router"
import { Button, ErrorNotice, Loading, Page, Slot, t } from "@wharf/core/web"
import { createResource, createSignal, Match, Show, Switch } from "solid-js"
import { appConsoleSections } from "../../shared/slots"
import { Tabs } from "../install/Tabs"
import { Overview } from "../instance/Overview"
import { Pods } from "../instance/Pods"
import { Settings } from "../instance/Settings"
import { apps, watchInstances } from "../instances"
import { DeleteDialog } from "../panel/DeleteDialog"
import "../catalog.css"
import "../install/install.css"
import "../panel/panel.css"

type Tab = "overview" | "config" | "console"
const TABS: ReadonlyArray<Tab> = ["overview", "config", "console"]

export default function InstancePage() {
  const params = useParams<{ name: string }>()
  const [search, setSearch] = useSearchParams<{ tab?: string }>()
  const navigate = useNavigate()
  const [instance, { refetch }] = createResource(
    () => params.name,
    (name) => apps.get.query({ name })
  )
  // Bumped by each live event, so the pods table refetches with the status.
  const [version, setVersion] = createSignal(0)
  watchInstances(
    (events) => {
      if (events.some((e) => e.removed)) navigate("/apps")
      else {
        void refetch()
        setVersion((v) => v + 1)
      }
    },
    { name: params.name }
  )
  const [deleting, setDeleting] = createSignal(false)
  const tab = (): Tab =>
    (TABS as ReadonlyArray<string>).includes(search.tab ?? "") ? (search.tab as Tab) : "overview"
  return (
    <Show when={!instance.error} fallback={<ErrorNotice error={instance.error} onRetry={refetch} />}>
      <Show when={instance.latest} fallback={<Loading />}>
        {(i) => (
          <Page
            title={i().name}
            subtitle={`${i().title} ${i().version} · ${i().clusterName} · ${i().namespace}`}
            breadcrumbs={<A href="/apps">{t("panel.title")}</A>}
            actions={
              <Show when={i().canChange}>
                <Button variant="danger" onClick={() => setDeleting(true)}>
                  {t("panel.delete")}
                </Button>
              </Show>
            }
          >
            <Tabs
              label={i().name}
              tabs={TABS.map((id) => ({ id, label: t(`instance.tab.${id}`) }))}
              selected={tab()}
              onSelect={(id) => setSearch({ tab: id === "overview" ? undefined : id }, { replace: true })}
            >
              <div class="instance-tab">
                <Switch>
                  <Match when={tab() === "overview"}>
                    <Overview instance={i()} onChanged={() => void refetch()} />
                  </Match>
                  <Match when={tab() === "config"}>
                    <Settings instance={i()} onSaved={() => void refetch()} />
                  </Match>
                  <Match when={tab() === "console"}>
                    <Pods name={i().name} version={`${version()}`} />
                    <Slot
                      slot={appConsoleSections}
                      props={{ clusterId: i().cluster, namespace: i().namespace, instance: i().name }}
                    />
                  </Match>
                </Switch>
              </div>
            </Tabs>
            <DeleteDialog
              instance={deleting() ? i() : undefined}
              onClose={() => setDeleting(false)}
              onDeleted={() => navigate("/apps")}
            />
          </Page>
        )}
      </Show>
    </Show>
  )
}
