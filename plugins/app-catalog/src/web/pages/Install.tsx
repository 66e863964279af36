/**
 * @module The install wizard (CAT-2..4): 1 where (tenant, cluster, visibility); 2 configure the
 * app and each dependency created new, in tabs, beside the dependency column; 3 安装预览 from
 * the server's dry run; 安装 then opens the new instance. Every field is kept across steps.
 */
import { A, useNavigate, useParams } from "@solidjs/router"
import { Button, ErrorNotice, Loading, Page, t, toast } from "@wharf/core/web"
import { createEffect, createMemo, createResource, createSignal, Match, Show, Switch } from "solid-js"
import { createStore } from "solid-js/store"
import type { AppDefinition } from "../../shared/definition"
import type { Instance, Preview } from "../../shared/instances"
import { api, describe } from "../api"
import { ConfigTabs } from "../install/ConfigTabs"
import { DependencyColumn } from "../install/DependencyColumn"
import {
  activePaths,
  type DependencyPick,
  draftProblems,
  emptyDraft,
  type InstanceDraft,
  installRequest,
  type Target
} from "../install/draft"
import { PreviewView } from "../install/PreviewView"
import { TargetStep } from "../install/TargetStep"
import { loadTargets, tenantLabel } from "../install/targets"
import { apps } from "../instances"
import "../catalog.css"
import "../install/install.css"

type Step = "target" | "configure" | "preview"

export default function Install() {
  const params = useParams<{ name: string }>()
  const navigate = useNavigate()
  const root = () => params.name
  const [step, setStep] = createSignal<Step>("target")
  const [targets, { refetch: refetchTargets }] = createResource(loadTargets)
  const [target, setTarget] = createSignal<Target>({ tenant: "", cluster: "", visibility: "tenant" })
  const [definitions, setDefinitions] = createStore<Record<string, AppDefinition | undefined>>({})
  const [drafts, setDrafts] = createStore<Record<string, InstanceDraft>>({})
  const [existing, setExisting] = createStore<Record<string, ReadonlyArray<Instance>>>({})
  const [selected, setSelected] = createSignal(params.name)
  const [preview, setPreview] = createSignal<Preview>()
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  // One key per request: a retried 安装 (a lost answer) gives the same instances; a changed one is new.
  let sent = { body: "", key: "" }

  // The whole dependency tree's definitions, fetched once each: the column and the tabs need them.
  const loadDefinition = async (app: string): Promise<void> => {
    if (app in definitions) return
    setDefinitions(app, undefined)
    const detail = await api.get.query({ name: app })
    setDefinitions(app, detail.definition)
    await Promise.all(detail.definition.dependencies.map((d) => loadDefinition(d.app)))
  }
  const [loaded] = createResource(root, async (app) => {
    setDrafts(app, emptyDraft(app))
    setSelected(app)
    await loadDefinition(app)
    return definitions[app]!
  })

  // Existing instances the target tenant may bind on the target cluster (the green choices).
  createResource(
    () =>
      target().tenant && target().cluster
        ? { tenant: target().tenant, cluster: target().cluster, apps: Object.keys(definitions) }
        : undefined,
    async ({ tenant, cluster, apps: names }) => {
      await Promise.all(
        names.map(async (app) => {
          const items = await apps.dependencyOptions.query({ app, tenant, cluster }).catch(() => [])
          setExisting(app, items)
        })
      )
      return true
    }
  )

  // The first tenant with quota, and its first cluster, until the user chooses.
  createEffect(() => {
    const list = targets()
    if (!list || target().tenant) return
    const first = list.find((x) => x.clusters.length > 0) ?? list[0]
    if (first) setTarget({ tenant: first.id, cluster: first.clusters[0]?.id ?? "", visibility: "tenant" })
  })

  const paths = createMemo(() => activePaths(drafts, definitions, root()))
  const problemsOf = (path: string) => {
    const draft = drafts[path]
    const def = draft ? definitions[draft.app] : undefined
    return draft && def ? draftProblems(draft, def) : []
  }
  const problemCount = (path: string) => (paths().includes(path) ? problemsOf(path).length : 0)
  const anyProblem = () => paths().some((p) => problemsOf(p).length > 0)

  const ensureDraft = (path: string, app: string) => {
    if (!drafts[path]) setDrafts(path, emptyDraft(app))
  }
  const pick = (path: string, dep: string, choice: DependencyPick) => {
    setDrafts(path, (d) => ({ ...d, dependencies: { ...d.dependencies, [dep]: choice } }))
    if (choice.kind === "new") ensureDraft(`${path}/${dep}`, dep)
    setPreview(undefined)
  }
  const select = (path: string) => {
    ensureDraft(path, path.split("/").pop()!)
    setSelected(path)
  }

  const tenantText = () => {
    const x = targets()?.find((y) => y.id === target().tenant)
    return x ? tenantLabel(x) : target().tenant
  }
  const clusterText = () =>
    targets()
      ?.find((y) => y.id === target().tenant)
      ?.clusters.find((c) => c.id === target().cluster)?.name ?? target().cluster

  const request = () => installRequest(root(), target(), drafts, definitions)

  const runPreview = async () => {
    setError(undefined)
    if (anyProblem()) {
      const first = paths().find((p) => problemsOf(p).length > 0)
      if (first) setSelected(first)
      setError(t("install.fixFirst"))
      return
    }
    setBusy(true)
    try {
      setPreview(await apps.preview.mutate(request()))
      setStep("preview")
    } catch (e) {
      setError(describe(e))
    } finally {
      setBusy(false)
    }
  }
  const runInstall = async () => {
    setError(undefined)
    setBusy(true)
    try {
      // Install under the names the preview showed, so what was reviewed is what gets created.
      const named: Record<string, InstanceDraft> = { ...drafts }
      for (const planned of preview()?.settings ?? []) {
        const draft = named[planned.key]
        if (draft && draft.name === "") named[planned.key] = { ...draft, name: planned.name }
      }
      const body = installRequest(root(), target(), named, definitions)
      if (JSON.stringify(body) !== sent.body) sent = { body: JSON.stringify(body), key: crypto.randomUUID() }
      const result = await apps.install.mutate({ ...body, idempotencyKey: sent.key })
      toast(t("install.installed", { name: result.instance.name, n: result.created.length }))
      navigate(`/apps/${result.instance.name}`)
    } catch (e) {
      setError(describe(e))
    } finally {
      setBusy(false)
    }
  }

  const selectedDraft = () => drafts[selected()]
  const selectedDef = () => {
    const d = selectedDraft()
    return d ? definitions[d.app] : undefined
  }

  return (
    <Show when={!loaded.error} fallback={<ErrorNotice error={loaded.error} />}>
      <Show when={loaded()} fallback={<Loading />}>
        {(def) => (
          <Page
            title={t("install.title", { app: def().title })}
            subtitle={t(`install.stepOf.${step()}`)}
            breadcrumbs={
              <>
                <A href="/catalog">{t("catalog.back")}</A> ›{" "}
                <A href={`/catalog/${def().name}`}>{def().title}</A>
              </>
            }
          >
            <Show when={error()}>
              <div class="notice notice-error" role="alert">
                {error()}
              </div>
            </Show>
            <Switch>
              <Match when={step() === "target"}>
                <Show
                  when={!targets.error}
                  fallback={<ErrorNotice error={targets.error} onRetry={refetchTargets} />}
                >
                  <Show when={targets()} fallback={<Loading />}>
                    {(list) => (
                      <TargetStep
                        tenants={list()}
                        target={target()}
                        onChange={(next) => {
                          setTarget(next)
                          setPreview(undefined)
                        }}
                        onCancel={() => navigate(`/catalog/${def().name}`)}
                        onNext={() => setStep("configure")}
                      />
                    )}
                  </Show>
                </Show>
              </Match>
              <Match when={step() === "configure"}>
                <div class="install-layout">
                  <DependencyColumn
                    root={root()}
                    drafts={drafts}
                    options={{
                      existing: (app) => existing[app] ?? [],
                      definition: (app) => definitions[app]
                    }}
                    selected={selected()}
                    problemCount={problemCount}
                    onSelect={select}
                    onPick={pick}
                  />
                  <section
                    class="install-main"
                    aria-label={t("install.configOf", { app: selectedDef()?.title ?? "" })}
                  >
                    <Show when={selectedDef()} keyed fallback={<Loading />}>
                      {(d) => (
                        <Show when={selected()} keyed>
                          {(path) => (
                            <>
                              <h2 class="install-main-title">
                                {d.title} {d.version}
                                <Show when={path !== root()}>
                                  <span class="dep-state" data-pick="new">
                                    {t("install.pick.new")}
                                  </span>
                                </Show>
                              </h2>
                              <ConfigTabs
                                definition={d}
                                draft={drafts[path]!}
                                problems={problemsOf(path)}
                                tenantLabel={tenantText()}
                                clusterLabel={clusterText()}
                                onName={(name) => {
                                  setDrafts(path, (d) => ({ ...d, name }))
                                  setPreview(undefined)
                                }}
                                onValue={(key, value) => {
                                  setDrafts(path, (d) => ({ ...d, values: { ...d.values, [key]: value } }))
                                  setPreview(undefined)
                                }}
                              />
                            </>
                          )}
                        </Show>
                      )}
                    </Show>
                  </section>
                </div>
                <div class="install-actions">
                  <Button onClick={() => setStep("target")}>{t("install.changeCluster")}</Button>
                  <Button variant="primary" loading={busy()} onClick={() => void runPreview()}>
                    {t("install.preview")}
                  </Button>
                </div>
              </Match>
              <Match when={step() === "preview" && preview()}>
                {(p) => (
                  <>
                    <PreviewView preview={p()} definition={(app) => definitions[app]} />
                    <div class="install-actions">
                      <Button onClick={() => setStep("configure")}>{t("install.back")}</Button>
                      <Button
                        variant="primary"
                        loading={busy()}
                        disabled={(p().refusals ?? []).length > 0}
                        onClick={() => void runInstall()}
                      >
                        {t("install.install")}
                      </Button>
                    </div>
                  </>
                )}
              </Match>
            </Switch>
          </Page>
        )}
      </Show>
    </Show>
  )
}
