/**
 * @module The clusters tRPC procedures (`clusters.*`), thin over the same services as REST.
 */
import { adminProcedure, authedProcedure, input, router } from "@wharf/core"
import {
  ClusterIdInput,
  HostInput,
  HostsInput,
  PatchLabelsInput,
  RegisterClusterInput
} from "../shared/schemas"
import { getCluster, listClusters, registerCluster } from "./clusters"
import { hostDetail, hostsOverview, patchHostLabels } from "./hosts"

export const clustersRouter = router({
  list: authedProcedure.query(({ ctx }) => ctx.run(listClusters)),
  get: authedProcedure
    .input(input(ClusterIdInput))
    .query(({ ctx, input }) => ctx.run(getCluster(input.clusterId))),
  register: adminProcedure
    .input(input(RegisterClusterInput))
    .mutation(({ ctx, input }) => ctx.run(registerCluster(input))),
  hosts: router({
    list: authedProcedure
      .input(input(HostsInput))
      .query(({ ctx, input }) => ctx.run(hostsOverview(input.clusterId, input.labels))),
    get: authedProcedure
      .input(input(HostInput))
      .query(({ ctx, input }) => ctx.run(hostDetail(input.clusterId, input.name))),
    patchLabels: adminProcedure
      .input(input(PatchLabelsInput))
      .mutation(({ ctx, input }) => ctx.run(patchHostLabels(input.clusterId, input.name, input.change)))
  })
})

export type ClustersRouter = typeof clustersRouter
