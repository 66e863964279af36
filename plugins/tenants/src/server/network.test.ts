import { PassThrough } from "node:stream"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { priorityClassName } from "../shared/naming"
import type { TenantRef } from "../shared/types"
import { ISOLATION_POLICY } from "./objects"
import { signedIn, waitFor } from "./testing/helpers"

const A = "g-data-team"
const B = "g-analytics"

describe.each(testBackends().slice(0, 1))("tenant isolation by NetworkPolicy on $name", (backend) => {
  let wharf: TestWharf
  let admin: TestClient
  let kc: k8s.KubeConfig
  let core: k8s.CoreV1Api
  let clusterId: string

  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity", "clusters", "tenants"], demo: true })
    admin = wharf.client()
    await admin.signIn()
    clusterId = (await admin.rest<{ items: Array<{ id: string }> }>("GET", "/clusters")).body.items[0]!.id
    kc = await wharf.runtime.runPromise(
      Effect.gen(function* () {
        return yield* (yield* KubeClients).config(clusterId)
      })
    )
    core = kc.makeApiClient(k8s.CoreV1Api)
  })
  afterAll(async () => {
    await wharf?.stop()
  })

  /** Runs a shell command in a pod through the exec API; true when it exited 0. */
  const run = async (ns: string, pod: string, command: string) => {
    let status: k8s.V1Status | undefined
    await new k8s.Exec(kc).exec(
      ns,
      pod,
      "app",
      ["sh", "-c", command],
      new PassThrough().resume(),
      new PassThrough().resume(),
      null,
      false,
      (s) => {
        status = s
      }
    )
    return (await waitFor(async () => status, `${command} to finish`)).status === "Success"
  }

  /** A web server and its Service in the tenant's namespace, at the tenant's priority; its pod's name. */
  const web = async (ns: string) => {
    const networking = kc.makeApiClient(k8s.NetworkingV1Api)
    await waitFor(
      () => networking.readNamespacedNetworkPolicy({ namespace: ns, name: ISOLATION_POLICY }),
      `the reconciler to create ${ns} and its ${ISOLATION_POLICY}`
    )
    await kc.makeApiClient(k8s.AppsV1Api).createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: "web" },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { labels: { app: "web" } },
            spec: {
              priorityClassName: priorityClassName(0),
              containers: [{ name: "app", image: "nginx:1.27" }]
            }
          }
        }
      }
    })
    await core.createNamespacedService({
      namespace: ns,
      body: {
        metadata: { name: "web" },
        spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }
      }
    })
    return waitFor(async () => {
      const pods = await core.listNamespacedPod({ namespace: ns, labelSelector: "app=web" })
      return pods.items.find((p) =>
        p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")
      )?.metadata?.name
    }, `a ready web pod in ${ns}`)
  }

  it("lets a tenant's pod reach its own Service, not another's, until an admin allows it", {
    timeout: 240_000
  }, async () => {
    for (const subject of ["data-team", "analytics"])
      expect(
        (await admin.rest("POST", "/quotas", { type: "leasee", subject, clusterId, cpu: 4, memory: 8192 }))
          .status
      ).toBe(201)
    const a = await web(A)
    await web(B)
    expect(await run(A, a, "nc -z -w 2 web 80")).toBe(true)
    expect(await run(A, a, `nc -z -w 2 web.${B} 80`)).toBe(false)

    // Someone outside the tenant finds nothing; a member who is not an admin may not open the door.
    const outsider = await signedIn(wharf, "wang.fang@example.com")
    expect((await outsider.rest("PUT", `/tenants/${B}/peers/${A}`)).status).toBe(404)
    expect((await outsider.rest("GET", `/tenants/${B}/peers`)).status).toBe(404)
    const member = await signedIn(wharf, "li.wei@example.com")
    expect((await member.rest("PUT", `/tenants/${B}/peers/${A}`)).status).toBe(403)
    expect((await admin.rest("PUT", `/tenants/${B}/peers/${B}`)).status).toBe(400)
    expect((await admin.rest("PUT", `/tenants/${B}/peers/g-nobody`)).body).toMatchObject({
      error: { message: "没有租客 g-nobody" }
    })

    expect((await admin.rest("PUT", `/tenants/${B}/peers/${A}`)).body).toEqual({
      tenant: B,
      peer: A,
      allowed: true
    })
    expect(
      (await admin.rest<{ items: TenantRef[] }>("GET", `/tenants/${B}/peers`)).body.items.map((t) => t.id)
    ).toEqual([A])
    await waitFor(
      () => run(A, a, `nc -z -w 2 web.${B} 80`),
      `${A} to reach ${B} once the reconciler has updated ${ISOLATION_POLICY}`
    )
    // Only that way round: B still cannot reach A.
    const b = (await core.listNamespacedPod({ namespace: B, labelSelector: "app=web" })).items[0]!.metadata!
      .name!
    expect(await run(B, b, `nc -z -w 2 web.${A} 80`)).toBe(false)

    expect((await admin.rest("DELETE", `/tenants/${B}/peers/${A}`)).body).toMatchObject({ allowed: false })
    await waitFor(async () => !(await run(A, a, `nc -z -w 2 web.${B} 80`)), `${A} shut out of ${B} again`)

    // The console's procedures open and close the same door.
    const opened = await admin.trpc.tenants.peers.allow.mutate({ tenantId: B, peer: A })
    expect(opened.ok && opened.data).toEqual({ tenant: B, peer: A, allowed: true })
    await waitFor(() => run(A, a, `nc -z -w 2 web.${B} 80`), `${A} let into ${B} through tRPC`)
    const closed = await admin.trpc.tenants.peers.forbid.mutate({ tenantId: B, peer: A })
    expect(closed.ok && closed.data).toMatchObject({ allowed: false })
    await waitFor(
      async () => !(await run(A, a, `nc -z -w 2 web.${B} 80`)),
      `${A} shut out of ${B} through tRPC`
    )
  })
})
