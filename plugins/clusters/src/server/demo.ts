/**
 * @module Demo workloads for the simulated default cluster: a few tenant namespaces and
 * the apps a data platform runs (Zookeeper, Kafka, Redis, HDFS, HUE, WordPress), from
 * `demo/workloads.json`, created through the Kubernetes API like any client
 * would, so the hosts overview shows pods, requests and usage on first start.
 */
import { readFileSync } from "node:fs"
import * as k8s from "@kubernetes/client-node"
import { decode } from "@wharf/core"
import { Effect, Schema } from "effect"
import { SimulatedCluster } from "./simulated"

const KubeObject = Schema.Struct({
  apiVersion: Schema.String,
  kind: Schema.String,
  metadata: Schema.Struct({ name: Schema.String, namespace: Schema.optional(Schema.String) })
})
const DemoWorkloads = Schema.Struct({ objects: Schema.Array(Schema.Unknown) })

export const loadDemoWorkloads = Effect.gen(function* () {
  const { sim } = yield* SimulatedCluster
  // A registered real cluster is never touched by demo content.
  if (!sim) return
  const file = new URL("../../demo/workloads.json", import.meta.url)
  const { objects } = yield* decode(DemoWorkloads)(JSON.parse(readFileSync(file, "utf8")))
  const kc = new k8s.KubeConfig()
  kc.loadFromString(sim.kubeconfig())
  const client = k8s.KubernetesObjectApi.makeApiClient(kc)
  for (const object of objects) {
    yield* decode(KubeObject)(object)
    yield* Effect.tryPromise(() =>
      client.create(object as k8s.KubernetesObject, undefined, undefined, "wharf-demo")
    )
  }
  yield* Effect.logInfo("demo workloads created on the simulated cluster", { objects: objects.length })
})
