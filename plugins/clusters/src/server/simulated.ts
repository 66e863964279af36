/**
 * @module The demo cluster: with no cluster registered, Wharf starts kube-sim in-process
 * and registers it as `default` (3 nodes, owned by the platform, flagged simulated). Its
 * state lives in `WHARF_DATA_DIR/kube-sim.json`, so it survives restarts; each start gets a
 * free port and a new token, written (sealed) to its row. Closed when the server stops.
 * `WHARF_KUBE_SIM=0` turns it off. `WHARF_KUBE_SIM_TICK_MS` (default 200) sets how often its
 * control loops run, and `WHARF_KUBE_SIM_TIME_SCALE` (default 1) scales the waits specs give in
 * seconds (a readiness probe's initial delay): the test suites run it four times faster.
 */
import { join } from "node:path"
import { type Conflict, positiveSetting, WharfConfig } from "@wharf/core"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import { Context, Effect, Layer } from "effect"
import { kubeConfigOf, probe } from "./connection"
import { ClusterSecrets } from "./kubeClients"
import { countClusters, insertCluster, simulatedCluster, updateConnection } from "./store"

export class SimulatedCluster extends Context.Service<SimulatedCluster, { readonly sim: KubeSim | null }>()(
  "wharf/clusters/SimulatedCluster"
) {}

export const simulatedClusterLayer = Layer.effect(
  SimulatedCluster,
  Effect.gen(function* () {
    const config = yield* WharfConfig
    const secrets = yield* ClusterSecrets
    const existing = yield* simulatedCluster
    if (config.env.WHARF_KUBE_SIM === "0" || (!existing && (yield* countClusters) > 0)) return { sim: null }
    const sim = yield* Effect.acquireRelease(
      Effect.promise(() =>
        startKubeSim({
          port: 0,
          nodes: 3,
          stateFile: join(config.dataDir, "kube-sim.json"),
          tickMs: positiveSetting(config.env, "WHARF_KUBE_SIM_TICK_MS", 200),
          timeScale: positiveSetting(config.env, "WHARF_KUBE_SIM_TIME_SCALE", 1)
        })
      ),
      (s) => Effect.promise(() => s.close())
    )
    const credentials = secrets.seal(JSON.stringify({ kind: "kubeconfig", kubeconfig: sim.kubeconfig() }))
    if (existing) {
      yield* updateConnection(existing.id, sim.url, credentials)
    } else {
      const found = yield* probe(yield* kubeConfigOf({ kind: "kubeconfig", kubeconfig: sim.kubeconfig() }))
      yield* insertCluster({
        name: "default",
        server: sim.url,
        credentials,
        simulated: true,
        owner: { kind: "platform", id: null, name: "platform" },
        registry: null,
        version: found.version,
        nodeCount: found.nodeCount
      }).pipe(
        // Another replica registered it first: that one serves the demo cluster.
        Effect.catchTag("Conflict", (e: Conflict) => Effect.logWarning(e.message))
      )
    }
    return { sim }
  })
)
