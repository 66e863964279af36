/** @module Helpers the app-catalog suites share: the plugins, a cluster's APIs, waiting, installing. */
import * as k8s from "@kubernetes/client-node"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { type TestClient, type TestWharf, waitFor } from "@wharf/server/testing"
import { Effect } from "effect"
import type { InstallResult, InstanceDetail } from "../../shared/instances"

export const PLUGINS = ["identity", "clusters", "tenants", "app-catalog", "catalog-builtin"]
export const DEMO_PASSWORD = "wharf-demo-1"

export { waitFor }

export const signedIn = async (wharf: TestWharf, email: string): Promise<TestClient> => {
  const c = wharf.client()
  await c.signIn(email, DEMO_PASSWORD)
  return c
}

/** client-node APIs of a cluster Wharf has registered, over HTTPS like any client. */
export const appApis = async (wharf: TestWharf, clusterId: string) => {
  const kc = await wharf.runtime.runPromise(
    Effect.gen(function* () {
      return yield* (yield* KubeClients).config(clusterId)
    })
  )
  return {
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    /** The same credentials as a kubeconfig file's text, for kubectl. */
    kubeconfig: kc.exportConfig()
  }
}
export type AppApis = Awaited<ReturnType<typeof appApis>>

/** Install over REST and wait until every instance created is ready. */
export const installAndWait = async (c: TestClient, body: Record<string, unknown>, ms = 45_000) => {
  const r = await c.rest<InstallResult>("POST", "/apps", body)
  if (r.status !== 201) throw new Error(`install answered ${r.status}: ${JSON.stringify(r.body)}`)
  for (const i of r.body.created)
    await waitFor(
      async () => (await c.rest<InstanceDetail>("GET", `/apps/${i.name}`)).body.status === "ready",
      `${i.name} ready`,
      ms
    )
  return r.body
}
