/** @module Helpers the tenants suites share: a Kubernetes client of a registered cluster, waiting. */
import * as k8s from "@kubernetes/client-node"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { type TestClient, type TestWharf, waitFor as waitUntil } from "@wharf/server/testing"
import { Effect } from "effect"
import { Reconciler } from "../reconciler"

export const DEMO_PASSWORD = "wharf-demo-1"

/** Tenants' suites wait longer: a quota or a preemption takes the cluster a few rounds. */
export const waitFor = <T>(fn: () => Promise<T | undefined | false>, what: string, ms = 45_000) =>
  waitUntil(fn, what, ms, 20)

/** client-node APIs of a cluster Wharf has registered, over HTTP like any client. */
export const clusterApis = async (wharf: TestWharf, clusterId: string) => {
  const kc = await wharf.runtime.runPromise(
    Effect.gen(function* () {
      return yield* (yield* KubeClients).config(clusterId)
    })
  )
  return {
    core: kc.makeApiClient(k8s.CoreV1Api),
    scheduling: kc.makeApiClient(k8s.SchedulingV1Api),
    networking: kc.makeApiClient(k8s.NetworkingV1Api)
  }
}

export const reconciler = (wharf: TestWharf) =>
  wharf.runtime.runPromise(
    Effect.gen(function* () {
      return yield* Reconciler
    })
  )

/**
 * Resolves once every change Wharf has answered for is applied to its cluster, or has failed
 * and been logged: a change is queued before its answer goes out. Then one read of the
 * cluster tells; no polling that a loaded machine can outrun.
 */
export const applied = async (wharf: TestWharf) => {
  const r = await reconciler(wharf)
  await wharf.runtime.runPromise(r.settled)
}

export const signedIn = async (wharf: TestWharf, email: string): Promise<TestClient> => {
  const c = wharf.client()
  await c.signIn(email, DEMO_PASSWORD)
  return c
}
