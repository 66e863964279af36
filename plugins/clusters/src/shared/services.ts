/**
 * @module `KubeClients`, the service other plugins use to talk to a registered cluster
 * (implemented by the clusters plugin's layer). Only the tag and its shape live here, so a
 * plugin depends on `@wharf/plugin-clusters/shared` and never on clusters' server code.
 */
import type * as k8s from "@kubernetes/client-node"
import type { NotFound, Unavailable } from "@wharf/core"
import { Context, type Effect } from "effect"
import type { ClusterWatch } from "../server/clusterWatch"

/** A registered cluster as other plugins need it: no credentials, no live status. */
export interface ClusterRef {
  readonly id: string
  readonly name: string
  readonly simulated: boolean
}

export interface KubeClientsShape {
  /** Every registered cluster, by name (the simulated one first). */
  readonly clusters: Effect.Effect<ReadonlyArray<ClusterRef>, Unavailable>
  /** The client-node config of a registered cluster. */
  readonly config: (clusterId: string) => Effect.Effect<k8s.KubeConfig, NotFound | Unavailable>
  /** A typed client-node API of a cluster: `api(id, k8s.CoreV1Api)`. */
  readonly api: <T extends k8s.ApiType>(
    clusterId: string,
    apiClass: k8s.ApiConstructor<T>
  ) => Effect.Effect<T, NotFound | Unavailable>
  /** The live node and pod cache of a cluster, synced before it is returned. */
  readonly watch: (clusterId: string) => Effect.Effect<ClusterWatch, NotFound | Unavailable>
  /** Drop what is cached for a cluster (its config and watch); the next call rebuilds them. */
  readonly invalidate: (clusterId: string) => Effect.Effect<void>
}

export class KubeClients extends Context.Service<KubeClients, KubeClientsShape>()(
  "wharf/clusters/KubeClients"
) {}

export type { ClusterWatch }
