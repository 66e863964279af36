/**
 * @module Demo installs, from `demo/apps.json`: each made through the same install service
 * the wizard uses, as a demo user, on the simulated cluster, so 控制面板 shows a running app on
 * first start. Idempotent: an install's key (and a name already taken) makes a second run a no-op.
 * Only with `WHARF_DEMO_APPS=1` (`npm start` sets it), like the tenants plugin's demo quotas it
 * needs: test servers load the demo users without installed apps.
 */
import { readFileSync } from "node:fs"
import * as k8s from "@kubernetes/client-node"
import { CurrentViewer, decode, type Viewer, WharfConfig } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Directory } from "@wharf/plugin-identity/shared"
import { Effect, Schema } from "effect"
import { InstallRequest } from "../shared/instances"
import { install } from "./install"
import { instanceByName } from "./store"

const DemoApps = Schema.Struct({
  installs: Schema.Array(
    Schema.Struct({ as: Schema.String, idempotencyKey: Schema.String, request: InstallRequest })
  )
})

/** A demo user as a signed-in viewer: their roles and groups, as identity would give them. */
const viewerOf = (email: string) =>
  Effect.gen(function* () {
    const directory = yield* Directory
    const user = yield* directory.userByEmail(email)
    if (!user) return undefined
    const memberships = yield* directory.membershipsOf(user.id)
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      roles: user.roles,
      groups: memberships.map((m) => ({ id: m.group.id, name: m.group.name, role: m.role }))
    } satisfies Viewer
  })

/** The tenant's namespace and quotas are made by the tenants reconciler just before; wait for them. */
const quotaInPlace = (kc: k8s.KubeConfig, namespace: string) =>
  Effect.gen(function* () {
    const core = kc.makeApiClient(k8s.CoreV1Api)
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      const quotas = yield* Effect.promise(() =>
        core.listNamespacedResourceQuota({ namespace }).then(
          (l) => l.items.length,
          () => 0
        )
      )
      if (quotas > 0) return true
      yield* Effect.sleep("200 millis")
    }
    return false
  })

export const loadDemoApps = Effect.gen(function* () {
  if ((yield* WharfConfig).env.WHARF_DEMO_APPS !== "1") return
  const file = new URL("../../demo/apps.json", import.meta.url)
  const { installs } = yield* decode(DemoApps)(JSON.parse(readFileSync(file, "utf8")))
  const kube = yield* KubeClients
  const clusters = yield* kube.clusters
  for (const demo of installs) {
    // Demo content goes only to a simulated cluster, never to a registered real one.
    const cluster = clusters.find((c) => c.name === demo.request.cluster && c.simulated)
    const viewer = yield* viewerOf(demo.as)
    if (!cluster || !viewer) continue
    if (demo.request.name && (yield* instanceByName(demo.request.name))) continue
    if (!(yield* quotaInPlace(yield* kube.config(cluster.id), demo.request.tenant))) {
      yield* Effect.logWarning("demo app not installed: the tenant has no quota on the cluster", {
        app: demo.request.app,
        tenant: demo.request.tenant
      })
      continue
    }
    const result = yield* install({ ...demo.request, cluster: cluster.id }, demo.idempotencyKey).pipe(
      Effect.provideService(CurrentViewer, viewer)
    )
    yield* Effect.logInfo("demo app installed", { instance: result.instance.name })
  }
})
