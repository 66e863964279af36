/**
 * @module The clusters REST API under /api/v1: clusters, their hosts, host labels, and the
 * hosts' live event stream (text/event-stream).
 */
import { defineRoutes } from "@wharf/core"
import { Effect } from "effect"
import { HostsQuery, LabelChange, RegisterClusterInput } from "../shared/schemas"
import { getCluster, listClusters, registerCluster, visibleCluster } from "./clusters"
import { hostDetail, hostsOverview, patchHostLabels } from "./hosts"
import { KubeClients } from "./kubeClients"
import { hostsEventStream } from "./liveStream"

export const clustersRoutes = defineRoutes((r) =>
  r
    .get("/clusters", { summary: "Clusters the caller may see, with their status", access: "user" }, () =>
      Effect.map(listClusters, (items) => ({ items }))
    )
    .post(
      "/clusters",
      {
        summary: "Register a cluster (kubeconfig, or URL + token + CA) after a connection check",
        access: "admin",
        body: RegisterClusterInput,
        status: 201
      },
      ({ body }) => registerCluster(body)
    )
    .get("/clusters/:id", { summary: "One cluster with its status", access: "user" }, ({ params }) =>
      getCluster(params.id!)
    )
    .get(
      "/clusters/:id/hosts",
      {
        summary:
          "Hosts of a cluster: status, roles, allocatable, requested and used resources; ?labels=a=b,c=d keeps hosts carrying all of them",
        access: "user",
        query: HostsQuery
      },
      ({ params, query }) => hostsOverview(params.id!, query.labels)
    )
    .get(
      "/clusters/:id/hosts/:name",
      { summary: "One host with its pods and their usage", access: "user" },
      ({ params }) => hostDetail(params.id!, params.name!)
    )
    .patch(
      "/clusters/:id/hosts/:name/labels",
      {
        summary: "Set and remove labels of a host (a merge patch on metadata.labels)",
        access: "admin",
        body: LabelChange
      },
      ({ params, body }) => patchHostLabels(params.id!, params.name!, body)
    )
    .get(
      "/clusters/:id/events",
      { summary: "Server-Sent Events: `hosts` when nodes or their pods change", access: "user" },
      ({ params, c }) =>
        Effect.gen(function* () {
          yield* visibleCluster(params.id!)
          const watch = yield* (yield* KubeClients).watch(params.id!)
          return hostsEventStream(watch, c.req.raw.signal)
        })
    )
)
