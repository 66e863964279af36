/**
 * @module The frame both pages share: the pod's containers (loaded with the access check),
 * the container choice in the address (`?container=`), breadcrumbs back to the pod's app or host,
 * and a switch between the terminal and the logs of the same container.
 */
import { A, useParams, useSearchParams } from "@solidjs/router"
import { ErrorNotice, Loading, Page, Select, t } from "@wharf/core/web"
import { type Accessor, createMemo, createResource, type JSX, type Resource, Show } from "solid-js"
import type { ContainerInfo, PodContainer, PodInfo } from "../shared"
import { fetchPod, pagePath } from "./api"
import "./observe.css"

export interface PodPage {
  readonly params: { readonly cluster: string; readonly namespace: string; readonly pod: string }
  readonly search: { readonly container?: string | undefined; readonly shell?: string | undefined }
  readonly setSearch: (change: { container?: string; shell?: string }) => void
  readonly pod: Resource<PodInfo>
  readonly refetch: () => void
  readonly container: () => ContainerInfo | undefined
  readonly target: Accessor<PodContainer | undefined>
}

export const usePodPage = (): PodPage => {
  const params = useParams<{ cluster: string; namespace: string; pod: string }>()
  const [search, setSearch] = useSearchParams<{ container?: string; shell?: string }>()
  const address = () => ({ clusterId: params.cluster, namespace: params.namespace, pod: params.pod })
  const [pod, { refetch }] = createResource(address, fetchPod)
  const container = (): ContainerInfo | undefined => {
    const list = pod.latest?.containers ?? []
    return list.find((c) => c.name === search.container) ?? list[0]
  }
  // One value per container, so a page keyed on it reconnects only when the container changes.
  const target = createMemo(
    (): PodContainer | undefined => {
      const c = container()
      return c ? { ...address(), container: c.name } : undefined
    },
    undefined,
    { equals: (a, b) => a === b || (!!a && !!b && pagePath("logs", a) === pagePath("logs", b)) }
  )
  return {
    params,
    search,
    setSearch: (change) => setSearch(change),
    pod,
    refetch: () => void refetch(),
    container,
    target
  }
}

const containerLabel = (c: ContainerInfo) =>
  `${c.name} · ${t(`observe.containerState.${c.state}`)}${c.restarts ? ` · ${t("observe.restarts", { count: c.restarts })}` : ""}`

export const PodFrame = (props: {
  page: PodPage
  kind: "terminal" | "logs"
  /** Controls beside the container choice (shell, tail...). */
  controls?: JSX.Element
  children: (pod: PodInfo, target: PodContainer) => JSX.Element
}) => {
  const p = props.page
  // A failed reload keeps showing what was loaded; only a first load's failure replaces it.
  const failed = () => Boolean(p.pod.error) && p.pod.latest === undefined
  const other = () => (props.kind === "terminal" ? "logs" : "terminal")
  return (
    <Page
      title={`${t(`observe.${props.kind}`)} · ${p.params.pod}`}
      subtitle={t("observe.podOn", { namespace: p.params.namespace, node: p.pod.latest?.node ?? "—" })}
      breadcrumbs={
        // Back to where the pod was found: its app's 控制台, or its host.
        <Show
          when={p.pod.latest?.app}
          fallback={
            <>
              <A href="/clusters">{t("clusters.title")}</A>
              <span aria-hidden="true"> / </span>
              <A href={`/clusters/${p.params.cluster}/hosts`}>{t("hosts.title")}</A>
              <Show when={p.pod.latest?.node}>
                {(node) => (
                  <>
                    <span aria-hidden="true"> / </span>
                    <A href={`/clusters/${p.params.cluster}/hosts/${node()}`}>{node()}</A>
                  </>
                )}
              </Show>
            </>
          }
        >
          {(app) => (
            <>
              <A href="/apps">{t("panel.title")}</A>
              <span aria-hidden="true"> / </span>
              <A href={`/apps/${encodeURIComponent(app())}?tab=console`}>{app()}</A>
            </>
          )}
        </Show>
      }
      actions={
        <Show when={p.target()}>
          {(target) => <A href={pagePath(other(), target())}>{t(`observe.${other()}`)}</A>}
        </Show>
      }
    >
      <Show when={!failed()} fallback={<ErrorNotice error={p.pod.error} onRetry={p.refetch} />}>
        <Show when={p.pod.latest} fallback={<Loading />}>
          {(pod) => (
            <>
              <div class="observe-toolbar">
                <Select
                  label={t("observe.container")}
                  value={p.container()?.name ?? ""}
                  options={pod().containers.map((c) => ({ value: c.name, label: containerLabel(c) }))}
                  onChange={(e) => p.setSearch({ container: e.currentTarget.value })}
                />
                {props.controls}
              </div>
              <Show when={p.target()} keyed>
                {(target) => props.children(pod(), target)}
              </Show>
            </>
          )}
        </Show>
      </Show>
    </Page>
  )
}
