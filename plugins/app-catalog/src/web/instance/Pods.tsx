/**
 * @module 控制台 (CP-6): the instance's pods — pod, role, node and its IP, each container with
 * its state and restarts, and per container the links other plugins give (the observe
 * plugin's terminal, current logs and metrics) through the `app.pod.links` slot.
 */
import { Badge, Card, EmptyState, ErrorNotice, Loading, Slot, t } from "@wharf/core/web"
import { createResource, For, Show } from "solid-js"
import type { InstancePod } from "../../shared/instances"
import { appPodLinks } from "../../shared/slots"
import { apps } from "../instances"

const tone = (p: InstancePod) => (p.ready ? "success" : p.status === "Pending" ? "info" : "warning")

export const Pods = (props: { name: string; version: string }) => {
  // `version` changes with every live status event, so the table follows without a reload.
  const [pods, { refetch }] = createResource(
    () => ({ name: props.name, version: props.version }),
    ({ name }) => apps.pods.query({ name })
  )
  return (
    <Card title={t("instance.pods")}>
      <Show when={!pods.error} fallback={<ErrorNotice error={pods.error} onRetry={refetch} />}>
        <Show when={pods.latest} fallback={<Loading />}>
          {(p) => (
            <Show
              when={p().pods.length > 0}
              fallback={<EmptyState title={t("instance.noPods")} hint={t("instance.noPodsHint")} />}
            >
              <div class="table-wrap">
                <table class="table pods-table">
                  <caption class="visually-hidden">{t("instance.pods")}</caption>
                  <thead>
                    <tr>
                      <th>Pod</th>
                      <th>{t("instance.node")}</th>
                      <th>{t("instance.podStatus")}</th>
                      <th>{t("instance.container")}</th>
                      <th class="num">{t("instance.restarts")}</th>
                      <th>{t("instance.containerLinks")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().pods}>
                      {(pod) => (
                        <For each={pod.containers.length > 0 ? pod.containers : [undefined]}>
                          {(c, i) => (
                            <tr>
                              <Show when={i() === 0}>
                                <td rowSpan={Math.max(1, pod.containers.length)}>
                                  <span class="mono">{pod.name}</span>
                                  <span class="muted pod-role">{pod.role}</span>
                                </td>
                                <td rowSpan={Math.max(1, pod.containers.length)}>
                                  <Show when={pod.node} fallback={<span class="muted">—</span>}>
                                    {pod.node}
                                    <span class="mono muted pod-role">{pod.nodeIP ?? ""}</span>
                                  </Show>
                                </td>
                                <td rowSpan={Math.max(1, pod.containers.length)}>
                                  <Badge tone={tone(pod)}>{pod.status}</Badge>
                                </td>
                              </Show>
                              <td>
                                <Show when={c} fallback={<span class="muted">—</span>}>
                                  {(cc) => (
                                    <>
                                      <span class="mono">{cc().name}</span>
                                      <span class="muted pod-role">{cc().state}</span>
                                    </>
                                  )}
                                </Show>
                              </td>
                              <td class="num">{c?.restarts ?? 0}</td>
                              <td>
                                <Show when={c}>
                                  {(cc) => (
                                    <span class="pod-links">
                                      <Slot
                                        slot={appPodLinks}
                                        props={{
                                          clusterId: p().clusterId,
                                          namespace: p().namespace,
                                          pod: pod.name,
                                          container: cc().name
                                        }}
                                        fallback={<span class="muted">—</span>}
                                      />
                                    </span>
                                  )}
                                </Show>
                              </td>
                            </tr>
                          )}
                        </For>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Show>
      </Show>
    </Card>
  )
}
