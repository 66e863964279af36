/**
 * @module Who may open a pod's terminal or read its logs: a user who may use the pod's tenant
 * (its namespace); admins any pod, and they alone pods in namespaces of no tenant (kube-system,
 * a platform's own). Another tenant's pod is reported as absent, like other tenants' data.
 */
import * as k8s from "@kubernetes/client-node"
import { hasRole, NotFound, requireViewer, Unavailable } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Tenants } from "@wharf/plugin-tenants/shared"
import { Effect } from "effect"

export interface PodTarget {
  readonly clusterId: string
  readonly namespace: string
  readonly pod: string
  /** The container to use; the pod's first when not given. */
  readonly container?: string | undefined
}

export interface AllowedPod {
  readonly container: string
  readonly containers: ReadonlyArray<string>
  readonly pod: k8s.V1Pod
}

/** The pod and container `target` names, if the current viewer may use them; else `NotFound`. */
export const allowedPod = Effect.fn("Observe.allowedPod")(function* (target: PodTarget) {
  const viewer = yield* requireViewer
  const absent = new NotFound({
    message: `There is no pod ${target.pod} in namespace ${target.namespace} that you may use`,
    reason: "observe.podAbsent",
    params: { pod: target.pod, namespace: target.namespace }
  })
  if (!hasRole(viewer, "admin")) {
    const usable = yield* (yield* Tenants).usableBy(viewer)
    if (!usable.some((t) => t.namespace === target.namespace)) return yield* absent
  }
  const core = yield* (yield* KubeClients).api(target.clusterId, k8s.CoreV1Api)
  const pod = yield* Effect.tryPromise({
    try: () => core.readNamespacedPod({ name: target.pod, namespace: target.namespace }),
    catch: (e) =>
      e instanceof k8s.ApiException && e.code === 404
        ? absent
        : new Unavailable({ message: `The cluster did not answer: ${(e as Error).message}` })
  })
  const containers = (pod.spec?.containers ?? []).map((c) => c.name)
  const container = target.container || containers[0]
  if (!container || !containers.includes(container))
    return yield* new NotFound({
      message: `Pod ${target.pod} has no container ${target.container}; it has ${containers.join(", ")}`,
      reason: "observe.containerAbsent",
      params: { pod: target.pod, container: String(target.container), containers: containers.join(", ") }
    })
  return { container, containers, pod } satisfies AllowedPod
})
