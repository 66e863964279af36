import { statSync } from "node:fs"
import { createServer } from "node:net"
import { join } from "node:path"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import { eventReader, startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { ClusterSummary, HostDetail, HostsOverview } from "../shared/types"

const DEMO_PASSWORD = "wharf-demo-1"

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

const waitFor = async <T>(
  fn: () => Promise<T | undefined | false>,
  what: string,
  ms = 10_000
): Promise<T> => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const v = await fn()
    if (v) return v
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe.each(testBackends())("clusters on $name", (backend) => {
  let wharf: TestWharf
  let sim: KubeSim
  let admin: TestClient
  let core: k8s.CoreV1Api
  let registered: ClusterSummary

  beforeAll(async () => {
    // Nodes' metrics shared for a second, not ten: the suite waits for a second read of them.
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "clusters"],
      demo: true,
      env: { WHARF_NODE_METRICS_SECONDS: "1" }
    })
    sim = await startKubeSim({ port: 0, nodes: 3, tickMs: 50 })
    const kc = new k8s.KubeConfig()
    kc.loadFromString(sim.kubeconfig())
    core = kc.makeApiClient(k8s.CoreV1Api)
    admin = wharf.client()
    await admin.signIn()
  })
  afterAll(async () => {
    await wharf?.stop()
    await sim?.close()
  })

  const userClient = async (email: string) => {
    const c = wharf.client()
    await c.signIn(email, DEMO_PASSWORD)
    return c
  }
  const rowCount = async () =>
    (await wharf.database.pool<{ n: number }[]>`select count(*)::int as n from clusters.clusters`)[0]!.n

  it("starts a simulated default cluster with three hosts when none is registered", async () => {
    const r = await admin.rest<{ items: ClusterSummary[] }>("GET", "/clusters")
    expect(r.status).toBe(200)
    expect(r.body.items).toEqual([
      expect.objectContaining({
        name: "default",
        simulated: true,
        nodeCount: 3,
        status: "connected",
        version: "v1.31.2"
      })
    ])
    const hosts = await admin.rest<HostsOverview>("GET", `/clusters/${r.body.items[0]!.id}/hosts`)
    expect(hosts.body.hosts.map((h) => h.name)).toEqual(["sim-node-1", "sim-node-2", "sim-node-3"])
    const key = statSync(join(wharf.dataDir, "secret.key"))
    expect(key.mode & 0o777).toBe(0o600)
  })

  it("registers a cluster by kubeconfig after checking the connection", async () => {
    const r = await admin.rest<ClusterSummary>("POST", "/clusters", {
      name: "sim-kubeconfig",
      registry: "registry.example.com:5000",
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({
      name: "sim-kubeconfig",
      simulated: false,
      version: "v1.31.2",
      nodeCount: 3,
      registry: "registry.example.com:5000",
      owner: { kind: "user", name: "admin@wharf.test" },
      server: sim.url
    })
    registered = r.body
  })

  it("registers a cluster by URL and token, owned by a group (tenant), from the console", async () => {
    const r = await admin.trpc.clusters.register.mutate({
      name: "sim-token",
      owner: "data-team",
      connection: { kind: "token", server: sim.url, token: sim.token, ca: sim.caPem }
    })
    expect(r.ok && r.data).toMatchObject({
      owner: { kind: "group", name: "data-team" },
      registry: "default",
      nodeCount: 3
    })
  })

  it("keeps credentials sealed: the token is nowhere in the row's text", async () => {
    const rows = await wharf.database.pool<
      { text: string }[]
    >`select c::text as text from clusters.clusters c`
    expect(rows.length).toBe(3)
    for (const row of rows) {
      expect(row.text).not.toContain(sim.token)
      expect(row.text).not.toContain("kube-sim-")
    }
  })

  it("refuses a wrong token or an unreachable URL with a clear message, and saves nothing", async () => {
    const before = await rowCount()
    const wrong = await admin.rest("POST", "/clusters", {
      name: "wrong-token",
      connection: { kind: "token", server: sim.url, token: "not-the-token", ca: sim.caPem }
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.message).toMatch(/^The cluster refused the token \(401\)/)
    const port = await freePort()
    const down = await admin.rest("POST", "/clusters", {
      name: "unreachable",
      connection: {
        kind: "token",
        server: `http://127.0.0.1:${port}`,
        token: "x",
        insecureSkipTlsVerify: true
      }
    })
    expect(down.status).toBe(400)
    expect(down.body.error.message).toBe(`Cannot reach http://127.0.0.1:${port}: connection refused`)
    const http = await admin.rest("POST", "/clusters", {
      name: "plain-http",
      connection: { kind: "token", server: sim.url.replace("https:", "http:"), token: sim.token }
    })
    expect(http.body.error.message).toMatch(/is plain http: use https/)
    // kube-sim's certificate is checked against the CA given, like any cluster's.
    const other = await startKubeSim({ port: 0, nodes: 1 })
    const wrongCa = await admin.rest("POST", "/clusters", {
      name: "wrong-ca",
      connection: { kind: "token", server: sim.url, token: sim.token, ca: other.caPem }
    })
    await other.close()
    expect(wrongCa.status).toBe(400)
    expect(wrongCa.body.error.message).toBe(
      `Cannot trust ${sim.url}: its certificate is not signed by the given CA (paste the cluster's CA)`
    )
    const noCa = await admin.rest("POST", "/clusters", {
      name: "no-ca",
      connection: { kind: "token", server: sim.url, token: sim.token }
    })
    expect(noCa.status).toBe(400)
    expect(noCa.body.error.message).toMatch(/^Cannot trust/)
    expect(await rowCount()).toBe(before)
  })

  it("validates name, owner, registry and kubeconfig, naming the field", async () => {
    const bad = await admin.rest("POST", "/clusters", {
      name: "Bad Name",
      registry: "registry:99999",
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "name" }),
        { path: "registry", message: "the port must be between 1 and 65535" }
      ])
    )
    const owner = await admin.rest("POST", "/clusters", {
      name: "ownerless",
      owner: "nobody@example.com",
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(owner.body.error.message).toBe(
      "owner: no user has the email nobody@example.com and no group is named nobody@example.com"
    )
    const exec = sim
      .kubeconfig()
      .replace(
        /token: .*/,
        "exec:\n        command: /bin/sh\n        apiVersion: client.authentication.k8s.io/v1"
      )
    const execR = await admin.rest("POST", "/clusters", {
      name: "exec",
      connection: { kind: "kubeconfig", kubeconfig: exec }
    })
    expect(execR.status).toBe(400)
    expect(execR.body.error.message).toMatch(/exec or auth-provider/)
    const dup = await admin.rest("POST", "/clusters", {
      name: "sim-kubeconfig",
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(dup.status).toBe(409)
  })

  it("lists hosts with allocatable, requested (sum of pod requests) and usage", async () => {
    await core.createNamespacedPod({
      namespace: "default",
      body: {
        metadata: { name: "web-1" },
        spec: {
          nodeName: "sim-node-2",
          containers: [
            { name: "app", image: "nginx:1.27", resources: { requests: { cpu: "250m", memory: "128Mi" } } }
          ]
        }
      }
    })
    const host = await waitFor(
      async () => {
        const r = await admin.rest<HostsOverview>("GET", `/clusters/${registered.id}/hosts`)
        const h = r.body.hosts.find((x) => x.name === "sim-node-2")
        // Node metrics are shared for a while (a second here): the pod's traffic shows once they are read again.
        return h && h.cpu.requested === 250 && h.cpu.usage !== null && (h.network?.rx ?? 0) > 0
          ? h
          : undefined
      },
      "the pod's requests and traffic on sim-node-2",
      20_000
    )
    expect(host).toMatchObject({
      status: "Ready",
      roles: ["worker"],
      address: "10.0.0.12",
      cpu: { allocatable: 15800, requested: 250 },
      memory: { allocatable: 63 * 2 ** 30, requested: 128 * 2 ** 20 },
      storage: { allocatable: 500 * 2 ** 30, requested: 0 },
      pods: { allocatable: 110, requested: 1, usage: 1 }
    })
    expect(host.memory.usage).toBeGreaterThan(0)
    // Storage in use comes from the kubelet's Summary API: the system's tens of GiB plus the pod's layers.
    expect(host.storage.usage).toBeGreaterThan(40 * 2 ** 30)
    expect(host.storage.usage).toBeLessThan(host.storage.allocatable)
    // Network throughput now, in bit/s, from the same node metrics the host's chart is drawn from.
    expect(host.network!.rx).toBeGreaterThan(0)
    expect(host.network!.tx).toBeGreaterThan(0)
    const all = await admin.rest<HostsOverview>("GET", `/clusters/${registered.id}/hosts`)
    expect(all.body.hosts.find((h) => h.name === "sim-node-1")?.roles).toEqual(["control-plane"])
    expect(all.body.metrics).toBe(true)
  })

  it("shows one host with its pods, containers and their usage", async () => {
    const detail = await waitFor(async () => {
      const r = await admin.rest<HostDetail>("GET", `/clusters/${registered.id}/hosts/sim-node-2`)
      const pod = r.body.pods.find((p) => p.name === "web-1")
      return pod?.status === "Running" && pod.containers[0]?.cpu !== null ? r.body : undefined
    }, "web-1 running with metrics")
    expect(detail.pods[0]).toMatchObject({
      name: "web-1",
      namespace: "default",
      containers: [{ name: "app", image: "nginx:1.27", ready: true }]
    })
    expect(detail.pods[0]!.containers[0]!.memory).toBeGreaterThan(0)
    expect(detail.host.storage.usage).toBeGreaterThan(40 * 2 ** 30)
    expect(detail.host.network).not.toBeNull()
    const missing = await admin.rest("GET", `/clusters/${registered.id}/hosts/no-such-node`)
    expect(missing.status).toBe(404)
  })

  it("filters hosts by a set of labels: hosts carrying all of them", async () => {
    const zone = await admin.rest<HostsOverview>(
      "GET",
      `/clusters/${registered.id}/hosts?labels=${encodeURIComponent("topology.kubernetes.io/zone=zone-b")}`
    )
    expect(zone.body.hosts.map((h) => h.name)).toEqual(["sim-node-2"])
    expect(zone.body.total).toBe(3)
    const none = await admin.rest<HostsOverview>(
      "GET",
      `/clusters/${registered.id}/hosts?labels=${encodeURIComponent("topology.kubernetes.io/zone=zone-b,kubernetes.io/hostname=sim-node-3")}`
    )
    expect(none.body.hosts).toEqual([])
    const bad = await admin.rest(
      "GET",
      `/clusters/${registered.id}/hosts?labels=${encodeURIComponent("zone")}`
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe('labels: "zone" is not key=value')
  })

  it("patches labels with a merge patch that client-node sees afterwards", async () => {
    const r = await admin.rest("PATCH", `/clusters/${registered.id}/hosts/sim-node-3/labels`, {
      set: { "wharf.io/tier": "gold", disk: "ssd" }
    })
    expect(r.status).toBe(200)
    expect(r.body.labels).toMatchObject({ "wharf.io/tier": "gold", disk: "ssd" })
    expect((await core.readNode({ name: "sim-node-3" })).metadata?.labels).toMatchObject({
      "wharf.io/tier": "gold"
    })
    // The console removes one through its procedure.
    const removed = await admin.trpc.clusters.hosts.patchLabels.mutate({
      clusterId: registered.id,
      name: "sim-node-3",
      change: { remove: ["disk"] }
    })
    expect(removed.ok).toBe(true)
    const labels = (await core.readNode({ name: "sim-node-3" })).metadata?.labels ?? {}
    expect(labels.disk).toBeUndefined()
    expect(labels["wharf.io/tier"]).toBe("gold")
    const filtered = await waitFor(async () => {
      const f = await admin.rest<HostsOverview>(
        "GET",
        `/clusters/${registered.id}/hosts?labels=wharf.io/tier=gold`
      )
      return f.body.hosts.length === 1 ? f.body : undefined
    }, "the watch to deliver the new label")
    expect(filtered.hosts[0]!.name).toBe("sim-node-3")
  })

  it("explains what is wrong with a label", async () => {
    const path = `/clusters/${registered.id}/hosts/sim-node-3/labels`
    const cases: Array<[Record<string, string>, string]> = [
      [{ "-tier": "x" }, "set.-tier: the key must start and end with a letter or digit"],
      [{ "Example.com/tier": "x" }, "the key's prefix must be a DNS subdomain"],
      [{ tier: "a b" }, 'set.tier: the value may contain only letters, digits, "-", "_" and "."'],
      [{ [`${"k".repeat(64)}`]: "x" }, "the key must be 63 characters or fewer (it has 64)"],
      [{ tier: "v".repeat(64) }, "the value must be 63 characters or fewer (it has 64)"]
    ]
    for (const [set, message] of cases) {
      const r = await admin.rest("PATCH", path, { set })
      expect(r.status, JSON.stringify(set)).toBe(400)
      expect(r.body.error.message).toContain(message)
    }
  })

  it("lets only platform admins register clusters or change labels", async () => {
    const li = await userClient("li.wei@example.com")
    const reg = await li.rest("POST", "/clusters", {
      name: "mine",
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(reg.status).toBe(403)
    const patch = await li.rest("PATCH", `/clusters/${registered.id}/hosts/sim-node-3/labels`, {
      set: { a: "b" }
    })
    expect(patch.status).toBe(403)
    const trpc = await li.trpc.clusters.register.mutate({
      name: "mine",
      connection: { kind: "kubeconfig", kubeconfig: "x" }
    })
    expect(!trpc.ok && trpc.error.httpStatus).toBe(403)
  })

  it("shows users only the clusters they own, themselves or through a group", async () => {
    const li = await userClient("li.wei@example.com") // data-team admin
    const liList = await li.rest<{ items: ClusterSummary[] }>("GET", "/clusters")
    expect(liList.body.items.map((c) => c.name)).toEqual(["sim-token"])
    const groupCluster = liList.body.items[0]!
    expect((await li.rest("GET", `/clusters/${groupCluster.id}/hosts`)).status).toBe(200)
    expect((await li.rest("GET", `/clusters/${registered.id}/hosts`)).status).toBe(404)
    expect((await li.rest("GET", `/clusters/${registered.id}`)).status).toBe(404)
    const anna = await userClient("anna.schmidt@example.com") // analytics only
    expect((await anna.rest<{ items: ClusterSummary[] }>("GET", "/clusters")).body.items).toEqual([])
    expect((await anna.rest("GET", `/clusters/${groupCluster.id}/hosts/sim-node-2`)).status).toBe(404)
    expect((await anna.rest("GET", "/clusters/not-a-uuid/hosts")).status).toBe(404)
    expect((await wharf.client().rest("GET", "/clusters")).status).toBe(401)
  })

  it("streams host changes as Server-Sent Events while pods come and go", async () => {
    const res = await admin.request("GET", `/api/v1/clusters/${registered.id}/events`)
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/)
    const reader = eventReader(res)
    await reader.until((events) => events.some((e) => e.event === "ready"))
    await core.createNamespacedPod({
      namespace: "default",
      body: {
        metadata: { name: "live-1" },
        spec: { nodeName: "sim-node-3", containers: [{ name: "app", image: "nginx:1.27" }] }
      }
    })
    const events = await reader.until((events) =>
      events.some((e) => e.event === "hosts" && JSON.stringify(e.data).includes("sim-node-3"))
    )
    expect(events.some((e) => e.event === "hosts" && JSON.stringify(e.data).includes("sim-node-3"))).toBe(
      true
    )
    await reader.cancel()
  })
})
