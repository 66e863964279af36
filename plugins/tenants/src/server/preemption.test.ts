import type * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bandwidthAnnotations, priorityClassName } from "../shared/naming"
import type { Preemption } from "../shared/types"
import { OTHER_QUOTA } from "./objects"
import { clusterApis, signedIn, waitFor } from "./testing/helpers"

const NS = "u-li-wei-example-com"

const pod = (name: string, priority: number, cpu: string): k8s.V1Pod => ({
  metadata: { name, namespace: NS, annotations: bandwidthAnnotations(100) },
  spec: {
    priorityClassName: priorityClassName(priority),
    // The first host is the tainted control plane: everything goes to the second.
    nodeSelector: { "kubernetes.io/hostname": "sim-node-2" },
    containers: [
      {
        name: "app",
        image: "busybox",
        resources: { requests: { cpu, memory: "1Gi" }, limits: { cpu, memory: "1Gi" } }
      }
    ]
  }
})

describe.each(testBackends().slice(0, 1))("preemption shown on $name", (backend) => {
  let wharf: TestWharf
  let sim: KubeSim
  let admin: TestClient
  let cluster: ClusterSummary

  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "clusters", "tenants"],
      demo: true,
      env: { WHARF_KUBE_SIM: "0" }
    })
    // A worker of 15.8 cores: three 5-core pods fill it.
    sim = await startKubeSim({ port: 0, nodes: 2, tickMs: 50 })
    admin = wharf.client()
    await admin.signIn()
    const r = await admin.rest<ClusterSummary>("POST", "/clusters", {
      name: "small",
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(r.status).toBe(201)
    cluster = r.body
  })
  afterAll(async () => {
    await wharf?.stop()
    await sim?.close()
  })

  it("evicts priority-0 pods for a higher-priority one and says which, and by what", async () => {
    for (const priority of [0, 10]) {
      const q = await admin.rest("POST", "/quotas", {
        type: "user",
        subject: "li.wei@example.com",
        clusterId: cluster.id,
        priority
      })
      expect(q.status).toBe(201)
    }
    const { core } = await clusterApis(wharf, cluster.id)
    // Both quotas applied, and the catch-all for other priorities no longer covers 10.
    await waitFor(async () => {
      await core.readNamespacedResourceQuota({ namespace: NS, name: "wharf-priority-10" })
      const other = await core.readNamespacedResourceQuota({ namespace: NS, name: OTHER_QUOTA })
      const excluded = other.spec?.scopeSelector?.matchExpressions?.[0]?.values ?? []
      return excluded.length === 2
    }, "quotas")
    for (const name of ["low-1", "low-2", "low-3"])
      await core.createNamespacedPod({ namespace: NS, body: pod(name, 0, "5") })
    await waitFor(async () => {
      const pods = await core.listNamespacedPod({ namespace: NS })
      return pods.items.length === 3 && pods.items.every((p) => p.spec?.nodeName)
    }, "the low pods on the host")
    await core.createNamespacedPod({ namespace: NS, body: pod("urgent", 10, "4") })
    const running = await waitFor(async () => {
      const p = await core.readNamespacedPod({ namespace: NS, name: "urgent" })
      return p.spec?.nodeName ? p : undefined
    }, "the urgent pod scheduled")
    const left = (await core.listNamespacedPod({ namespace: NS })).items.map((p) => p.metadata?.name)
    expect(left).toContain("urgent")
    expect(left.filter((n) => n?.startsWith("low-"))).toHaveLength(2)

    const li = await signedIn(wharf, "li.wei@example.com")
    const preempted = await waitFor(async () => {
      const r = await li.rest<{ items: Preemption[] }>("GET", `/tenants/${NS}/preemptions`)
      return r.body.items.length > 0 ? r.body.items : undefined
    }, "the preemption event")
    expect(preempted).toEqual([
      expect.objectContaining({
        namespace: NS,
        by: `${NS}/urgent`,
        byPriority: 10,
        node: running.spec?.nodeName
      })
    ])
    expect(left).not.toContain(preempted[0]!.pod)

    const host = await admin.trpc.tenants.host.query({
      clusterId: cluster.id,
      node: running.spec!.nodeName!
    })
    expect(host.ok && host.data.priorities.map((p) => [p.priority, p.pods])).toEqual([
      [10, 1],
      [0, 2]
    ])
    expect(host.ok && host.data.network).toBe(300)
    expect(host.ok && host.data.preemptions[0]?.by).toBe(`${NS}/urgent`)
    // Four waits of up to 45 s each (waitFor's bound): the test's own limit must cover them,
    // or a loaded machine fails it at 30 s while the cluster is still converging.
  }, 180_000)
})
