/**
 * A user sees the clusters where one of their tenants holds quota (the tenants plugin's
 * contribution to clusters' `clusterAudiences`), not the others; admins see every cluster.
 */
import { testBackends } from "@wharf/core/testing"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { signedIn } from "./testing/helpers"

describe.each(testBackends().slice(0, 1))("clusters seen by quota on $name", (backend) => {
  let wharf: TestWharf
  let admin: TestClient
  const sims: KubeSim[] = []

  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "clusters", "tenants"],
      demo: true,
      env: { WHARF_KUBE_SIM: "0" }
    })
    admin = wharf.client()
    await admin.signIn()
  }, 120_000)
  afterAll(async () => {
    await wharf?.stop()
    await Promise.all(sims.map((s) => s.close()))
  })

  const register = async (name: string) => {
    const sim = await startKubeSim({ port: 0, nodes: 1 })
    sims.push(sim)
    const r = await admin.rest<ClusterSummary>("POST", "/clusters", {
      name,
      connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
    })
    expect(r.status).toBe(201)
    return r.body
  }
  const names = async (c: TestClient) =>
    (await c.rest<{ items: ClusterSummary[] }>("GET", "/clusters")).body.items.map((x) => x.name).sort()

  it("shows a user the clusters where their group's tenant holds quota, and no other", async () => {
    const x = await register("x-with-quota")
    const y = await register("y-without")
    // li.wei is in data-team; anna.schmidt is not.
    expect(
      (await admin.rest("POST", "/quotas", { type: "leasee", subject: "data-team", clusterId: x.id })).status
    ).toBe(201)
    const li = await signedIn(wharf, "li.wei@example.com")
    expect(await names(li)).toEqual(["x-with-quota"])
    expect((await li.rest("GET", `/clusters/${x.id}`)).status).toBe(200)
    expect((await li.rest("GET", `/clusters/${x.id}/hosts`)).status).toBe(200)
    expect((await li.rest("GET", `/clusters/${y.id}`)).status).toBe(404)
    expect((await li.rest("GET", `/clusters/${y.id}/hosts`)).status).toBe(404)
    const procedure = await li.trpc.clusters.list.query()
    expect(procedure.ok && procedure.data.map((c) => c.name)).toEqual(["x-with-quota"])

    const anna = await signedIn(wharf, "anna.schmidt@example.com")
    expect(await names(anna)).toEqual([])
    expect((await anna.rest("GET", `/clusters/${x.id}`)).status).toBe(404)
    expect(await names(admin)).toEqual(expect.arrayContaining(["x-with-quota", "y-without"]))

    // The quota goes, and with it the cluster from li's list.
    const rows = await admin.rest<{ items: Array<{ id: string }> }>("GET", `/quotas?tenant=g-data-team`)
    for (const row of rows.body.items) await admin.rest("DELETE", `/quotas/${row.id}`)
    expect(await names(li)).toEqual([])
  })
})
