/** @module A pod's containers as the terminal and logs pages offer them (and the check that they may). */
import { Effect } from "effect"
import type { ContainerInfo, PodInfo } from "../shared"
import { allowedPod } from "./access"
import { APP_INSTANCE_LABEL } from "./metrics/collector"

export const podInfo = Effect.fn("Observe.podInfo")(function* (q: {
  cluster: string
  namespace: string
  pod: string
}) {
  const { pod } = yield* allowedPod({ clusterId: q.cluster, namespace: q.namespace, pod: q.pod })
  const statuses = pod.status?.containerStatuses ?? []
  const containers = (pod.spec?.containers ?? []).map((c): ContainerInfo => {
    const s = statuses.find((x) => x.name === c.name)
    const state = s?.state?.running
      ? "running"
      : s?.state?.waiting
        ? "waiting"
        : s?.state?.terminated
          ? "terminated"
          : "unknown"
    return {
      name: c.name,
      image: c.image ?? "",
      state,
      reason: s?.state?.waiting?.reason ?? s?.state?.terminated?.reason ?? null,
      restarts: s?.restartCount ?? 0,
      hasPrevious: Boolean(s?.lastState?.terminated)
    }
  })
  return {
    pod: q.pod,
    namespace: q.namespace,
    node: pod.spec?.nodeName ?? null,
    app: pod.metadata?.labels?.[APP_INSTANCE_LABEL] ?? null,
    containers
  } satisfies PodInfo
})
