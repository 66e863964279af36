/**
 * @module The clusters plugin: registered Kubernetes clusters (sealed credentials, a
 * connection check before saving), their hosts with live updates, and `KubeClients`, the
 * service every plugin uses to talk to a cluster.
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { Layer } from "effect"
import { clusterAudiences } from "../shared/access"
import { loadDemoWorkloads } from "./demo"
import { ClusterSecrets, kubeClientsLayer } from "./kubeClients"
import { clustersRouter } from "./router"
import { clustersRoutes } from "./routes"
import { simulatedClusterLayer } from "./simulated"
import { clusterAccessLayer } from "./visibility"

const layer = Layer.mergeAll(kubeClientsLayer, simulatedClusterLayer, clusterAccessLayer).pipe(
  Layer.provideMerge(ClusterSecrets.layer)
)

export const clustersPlugin = definePlugin({
  id: "clusters",
  version: "0.1.0",
  description: "Kubernetes clusters and their hosts; KubeClients and ClusterAccess for other plugins",
  dependsOn: ["identity"],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: clustersRouter,
  routes: clustersRoutes,
  layer,
  extensionPoints: [clusterAudiences],
  demo: loadDemoWorkloads
})

export type { ClusterWatch, NodeRequests, Usage } from "./clusterWatch"
export { type Credentials, explainFailure } from "./connection"
export { KubeClients, type KubeClientsShape } from "./kubeClients"
export type { ClustersRouter } from "./router"
export { SimulatedCluster } from "./simulated"
export { canSeeCluster } from "./visibility"
export default clustersPlugin
