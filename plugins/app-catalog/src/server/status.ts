/**
 * @module An instance's status from what its workloads and pods say: ready when every role
 * has its replicas ready; failed (nothing ready) or degraded (some ready) when a pod cannot
 * run, with the reason Kubernetes gives (CrashLoopBackOff, ImagePullBackOff, Unschedulable);
 * otherwise still deploying. Pure, so the reconciler and the tests agree.
 */
import type * as k8s from "@kubernetes/client-node"
import type { InstanceStatus } from "../shared/instances"

/** Reasons a container does not get better by waiting. */
const STUCK = new Set([
  "CrashLoopBackOff",
  "ImagePullBackOff",
  "ErrImagePull",
  "CreateContainerConfigError",
  "InvalidImageName",
  "RunContainerError"
])

export interface Workload {
  readonly kind: string
  readonly name: string
  readonly desired: number
  readonly ready: number
  /** The controller has seen the latest spec. */
  readonly current: boolean
}

const isReady = (pod: k8s.V1Pod) =>
  !pod.metadata?.deletionTimestamp &&
  (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")

/**
 * A workload with its ready pods counted from the pods themselves (what the watch sees first),
 * and `current` from its controller (a rollout is done when every replica is updated).
 */
export const workloadOf = (o: k8s.KubernetesObject, pods: ReadonlyArray<k8s.V1Pod>): Workload => {
  const w = o as k8s.V1StatefulSet | k8s.V1Deployment
  const component = w.metadata?.labels?.["app.kubernetes.io/component"]
  const desired = w.spec?.replicas ?? 1
  const updated = w.status?.updatedReplicas ?? 0
  return {
    kind: o.kind ?? "",
    name: o.metadata?.name ?? "",
    desired,
    ready: pods.filter((p) => p.metadata?.labels?.["app.kubernetes.io/component"] === component && isReady(p))
      .length,
    current: (w.status?.observedGeneration ?? 0) >= (w.metadata?.generation ?? 0) && updated >= desired
  }
}

/** Why a pod cannot run, or null. */
export const podTrouble = (pod: k8s.V1Pod): string | null => {
  if (pod.metadata?.deletionTimestamp) return null
  for (const c of pod.status?.containerStatuses ?? []) {
    const waiting = c.state?.waiting?.reason
    if (waiting && STUCK.has(waiting)) return waiting
  }
  if (pod.status?.phase === "Failed") return pod.status.reason ?? "Failed"
  const scheduled = pod.status?.conditions?.find((c) => c.type === "PodScheduled")
  if (scheduled?.status === "False" && scheduled.reason === "Unschedulable") return "Unschedulable"
  return null
}

export interface Observed {
  readonly status: InstanceStatus
  readonly reason: string | null
}

export const observe = (
  workloads: ReadonlyArray<Workload>,
  pods: ReadonlyArray<k8s.V1Pod>,
  previous: InstanceStatus
): Observed => {
  const desired = workloads.reduce((n, w) => n + w.desired, 0)
  const ready = workloads.reduce((n, w) => n + Math.min(w.ready, w.desired), 0)
  const troubled = pods
    .map((p) => ({ pod: p.metadata?.name ?? "", trouble: podTrouble(p) }))
    .filter((t): t is { pod: string; trouble: string } => t.trouble !== null)
  if (
    workloads.length > 0 &&
    workloads.every((w) => w.current && w.ready >= w.desired) &&
    troubled.length === 0
  )
    return { status: "ready", reason: null }
  if (troubled.length > 0) {
    const first = troubled[0]!
    const more = troubled.length > 1 ? ` (+${troubled.length - 1})` : ""
    return { status: ready === 0 ? "failed" : "degraded", reason: `${first.trouble}: ${first.pod}${more}` }
  }
  if (previous === "ready" || previous === "degraded")
    return { status: "degraded", reason: `${ready}/${desired} pods ready` }
  return { status: "deploying", reason: null }
}
