/**
 * The renderer's objects as a cluster sees them: every built-in app's objects pass kube-sim's
 * validation and admission under server-side apply with dryRun=All (what the install preview
 * does), and Redis applied for real becomes three Ready pods.
 */
import * as k8s from "@kubernetes/client-node"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { builtinApps } from "./apps"
import { NS, renderBuiltin } from "./render-fixture"

const ssa = k8s.PatchStrategy.ServerSideApply
let sim: KubeSim
let objects: k8s.KubernetesObjectApi
let apps: k8s.AppsV1Api

beforeAll(async () => {
  sim = await startKubeSim({ port: 0, nodes: 3, tickMs: 50 })
  const kc = new k8s.KubeConfig()
  kc.loadFromString(sim.kubeconfig())
  objects = k8s.KubernetesObjectApi.makeApiClient(kc)
  apps = kc.makeApiClient(k8s.AppsV1Api)
  await kc.makeApiClient(k8s.CoreV1Api).createNamespace({ body: { metadata: { name: NS } } })
  // The tenants plugin keeps one PriorityClass per priority; the test makes priority 0's.
  await kc
    .makeApiClient(k8s.SchedulingV1Api)
    .createPriorityClass({ body: { metadata: { name: "wharf-priority-0" }, value: 0 } })
})
afterAll(() => sim?.close())

const apply = (o: object, dryRun?: "All") =>
  objects.patch(o as k8s.KubernetesObject, undefined, dryRun, "wharf", true, ssa)

describe("rendered objects on a cluster", () => {
  it("every built-in app passes validation and admission in a server-side dry run", async () => {
    const refused: string[] = []
    for (const app of builtinApps) {
      for (const o of renderBuiltin(app.name, `${app.name}-try1`)) {
        await apply(o, "All").catch((e: { body?: unknown }) =>
          refused.push(`${app.name} ${o.kind}/${o.metadata.name}: ${JSON.stringify(e.body ?? e)}`)
        )
      }
    }
    expect(refused).toEqual([])
    // The dry run does refuse what is wrong, e.g. a negative replica count.
    const sts = renderBuiltin("terminal", "terminal-bad1").find((o) => o.kind === "Deployment")!
    const wrong = { ...sts, spec: { ...(sts.spec as object), replicas: -1 } }
    await expect(apply(wrong, "All")).rejects.toMatchObject({ code: 422 })
    // A dry run stores nothing.
    const left = await apps.listNamespacedStatefulSet({ namespace: NS })
    expect(left.items).toEqual([])
  })

  it("Redis applied for real runs three Ready masters", async () => {
    for (const o of renderBuiltin("redis", "redis-nun6")) await apply(o)
    const deadline = Date.now() + 20_000
    let ready = 0
    while (Date.now() < deadline) {
      const sts = await apps.readNamespacedStatefulSet({ name: "redis-nun6-master", namespace: NS })
      ready = sts.status?.readyReplicas ?? 0
      if (ready === 3) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(ready).toBe(3)
  })
})
