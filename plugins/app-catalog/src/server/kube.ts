/**
 * @module An instance's objects on a cluster: server-side apply (for real, or `dryRun=All`
 * for the preview), what it owns found by its `wharf.io/app-instance` label, pruning what a
 * generation no longer renders, deleting. Plain client-node calls; the callers wrap them.
 */
import * as k8s from "@kubernetes/client-node"
import { Unavailable } from "@wharf/core"
import { INSTANCE_LABEL, type KubeObject } from "../shared/render"

/** Who owns the fields Wharf sets, in every object's managedFields. */
const FIELD_MANAGER = "wharf-app-catalog"

/** The kinds the renderer makes, workloads last so what they mount exists first. */
const OWNED_KINDS = [
  { apiVersion: "v1", kind: "ConfigMap" },
  { apiVersion: "v1", kind: "Secret" },
  { apiVersion: "v1", kind: "PersistentVolumeClaim" },
  { apiVersion: "v1", kind: "Service" },
  { apiVersion: "apps/v1", kind: "StatefulSet" },
  { apiVersion: "apps/v1", kind: "Deployment" }
] as const

const clients = new WeakMap<k8s.KubeConfig, k8s.KubernetesObjectApi>()
export const objectApi = (kc: k8s.KubeConfig) => {
  let c = clients.get(kc)
  if (!c) {
    c = k8s.KubernetesObjectApi.makeApiClient(kc)
    clients.set(kc, c)
  }
  return c
}

export const keyOf = (o: {
  kind?: string | undefined
  metadata?: { name?: string | undefined } | undefined
}) => `${o.kind}/${o.metadata?.name ?? ""}`

/** What the API server said, without client-node's wrapping ("HTTP-Code: 422 Message: ..."). */
export const kubeMessage = (e: unknown): string => {
  if (e instanceof k8s.ApiException) {
    const body = e.body as unknown
    try {
      const parsed = typeof body === "string" ? JSON.parse(body) : body
      if (parsed && typeof parsed === "object" && "message" in parsed) return String(parsed.message)
    } catch {
      // not JSON: the text as it came
    }
    return typeof body === "string" && body !== "" ? body : `HTTP ${e.code}`
  }
  return e instanceof Error ? e.message : String(e)
}

/** A failed call to the cluster, as the API answers it (503). */
export const clusterSilent = (e: unknown) =>
  new Unavailable({ message: `The cluster did not answer: ${e instanceof Error ? e.message : String(e)}` })

const isNotFound = (e: unknown) => e instanceof k8s.ApiException && e.code === 404

const ssa = (kc: k8s.KubeConfig, o: KubeObject, dryRun?: "All") =>
  objectApi(kc).patch(
    o as unknown as k8s.KubernetesObject,
    undefined,
    dryRun,
    FIELD_MANAGER,
    true,
    k8s.PatchStrategy.ServerSideApply
  )

export interface DryRunResult {
  readonly applied: ReadonlyArray<{ readonly object: KubeObject; readonly result: k8s.KubernetesObject }>
  readonly refused: ReadonlyArray<{ readonly object: KubeObject; readonly message: string }>
}

/** Every object through admission without storing anything; each refusal with the server's words. */
export const dryRunAll = async (
  kc: k8s.KubeConfig,
  objects: ReadonlyArray<KubeObject>
): Promise<DryRunResult> => {
  const settled = await Promise.all(
    objects.map((object) =>
      ssa(kc, object, "All").then(
        (result) => ({ object, result }),
        (e: unknown) => ({ object, message: kubeMessage(e) })
      )
    )
  )
  return {
    applied: settled.filter((s): s is { object: KubeObject; result: k8s.KubernetesObject } => "result" in s),
    refused: settled.filter((s): s is { object: KubeObject; message: string } => "message" in s)
  }
}

const WORKLOADS = new Set(["StatefulSet", "Deployment", "DaemonSet", "Job"])

/**
 * Config, claims and services together, then the workloads that mount and use them, together:
 * two round trips' wait instead of one per object. A refusal among the first stops the
 * workloads from being applied (the reconciler reports it and tries again).
 */
export const applyAll = async (kc: k8s.KubeConfig, objects: ReadonlyArray<KubeObject>) => {
  await Promise.all(objects.filter((o) => !WORKLOADS.has(o.kind)).map((o) => ssa(kc, o)))
  await Promise.all(objects.filter((o) => WORKLOADS.has(o.kind)).map((o) => ssa(kc, o)))
}

/** Everything of `instance` in `namespace`, by its label, in OWNED_KINDS order. */
export const listOwned = async (kc: k8s.KubeConfig, namespace: string, instance: string) => {
  const api = objectApi(kc)
  const lists = await Promise.all(
    OWNED_KINDS.map(({ apiVersion, kind }) =>
      api
        .list(
          apiVersion,
          kind,
          namespace,
          undefined,
          undefined,
          undefined,
          undefined,
          `${INSTANCE_LABEL}=${instance}`
        )
        .then((l) => l.items.map((o) => ({ ...o, apiVersion, kind })))
    )
  )
  return lists.flat()
}

const remove = (kc: k8s.KubeConfig, o: k8s.KubernetesObject) =>
  objectApi(kc)
    .delete(o, undefined, undefined, undefined, undefined, "Background")
    .catch((e: unknown) => {
      if (!isNotFound(e)) throw e
    })

/**
 * Delete what the instance owns that `keep` does not name. Data volumes are never pruned:
 * a claim a new generation no longer renders keeps its data until the instance is deleted
 * with its volumes. Returns the keys deleted.
 */
export const prune = async (
  kc: k8s.KubeConfig,
  namespace: string,
  instance: string,
  keep: ReadonlySet<string>
): Promise<string[]> => {
  const gone = (await listOwned(kc, namespace, instance)).filter(
    (o) => o.kind !== "PersistentVolumeClaim" && !keep.has(keyOf(o))
  )
  await Promise.all(gone.map((o) => remove(kc, o)))
  return gone.map(keyOf)
}

/** Delete everything of the instance; its claims too when `volumes` (StatefulSets' included). */
export const deleteOwned = async (
  kc: k8s.KubeConfig,
  namespace: string,
  instance: string,
  volumes: boolean
) => {
  const owned = await listOwned(kc, namespace, instance)
  await Promise.all(
    owned.filter((o) => volumes || o.kind !== "PersistentVolumeClaim").map((o) => remove(kc, o))
  )
}
