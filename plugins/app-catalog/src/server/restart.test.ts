/**
 * An install whose server is killed (SIGKILL) after the install committed, while the
 * reconciler applies its objects: a retry with the same Idempotency-Key on another replica
 * answers with the same instances, and its reconciler converges with no duplicate instances
 * or objects (the dead replica's lease on an instance simply expires).
 */
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { testBackends } from "@wharf/core/testing"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { InstallResult, InstanceDetail } from "../shared/instances"
import { Reconciler } from "./reconciler"
import { type AppApis, appApis, PLUGINS, signedIn, waitFor } from "./testing/helpers"

const NS = "g-data-team"

describe.each(testBackends())("an install killed mid-way on $name", (backend) => {
  let wharf: TestWharf
  let li: TestClient
  let cluster: ClusterSummary
  let kube: AppApis
  const children = new Set<ChildProcess>()

  beforeAll(async () => {
    // Both replicas hold an instance for 2 s, not 10: the test waits for the dead one's hold to expire.
    wharf = await startTestWharf({
      backend,
      plugins: PLUGINS,
      demo: true,
      env: { WHARF_APP_LEASE_SECONDS: "2" }
    })
    const admin = wharf.client()
    await admin.signIn()
    cluster = (await admin.rest<{ items: ClusterSummary[] }>("GET", "/clusters")).body.items[0]!
    kube = await appApis(wharf, cluster.id)
    await admin.rest("POST", "/quotas", { type: "leasee", subject: "data-team", clusterId: cluster.id })
    await waitFor(() => kube.core.readNamespace({ name: NS }), "the tenant's namespace")
    li = await signedIn(wharf, "li.wei@example.com")
  }, 60_000)
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL")
    await wharf?.stop()
  })

  /** A replica that installs `body`; resolves once its transaction committed. */
  const installInChild = (body: object, key: string) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", fileURLToPath(new URL("./testing/install-child.ts", import.meta.url))],
        {
          cwd: fileURLToPath(new URL("../..", import.meta.url)),
          env: {
            ...process.env,
            DATABASE_URL: wharf.databaseUrl,
            WHARF_DATA_DIR: wharf.dataDir,
            WHARF_PLUGINS: PLUGINS.join(","),
            WHARF_DEMO: "0",
            WHARF_KUBE_SIM: "0",
            WHARF_LOG: "silent",
            WHARF_APP_LEASE_SECONDS: "2",
            INSTALL_EMAIL: "li.wei@example.com",
            INSTALL_BODY: JSON.stringify(body),
            INSTALL_KEY: key,
            ...(backend.name === "pglite" ? { WHARF_DB_POOL_SIZE: "1" } : {})
          },
          stdio: ["ignore", "pipe", "inherit"]
        }
      )
      children.add(child)
      const timer = setTimeout(() => reject(new Error("the replica did not install in 60 s")), 60_000)
      child.stdout!.on("data", (data: Buffer) => {
        const m = /committed (\d+)/.exec(data.toString())
        if (!m) return
        clearTimeout(timer)
        if (m[1] === "201") resolve(child)
        else reject(new Error(`the replica's install answered ${m[1]}`))
      })
      child.on("exit", () => {
        clearTimeout(timer)
        children.delete(child)
      })
    })

  it("converges after SIGKILL with no duplicate instances or objects", { timeout: 120_000 }, async () => {
    const body = {
      tenant: "g-data-team",
      cluster: cluster.id,
      app: "metastore",
      name: "metastore-kill",
      dependencies: { mysql: { kind: "new", request: { name: "mysql-kill" } } }
    }
    const child = await installInChild(body, "kill-1")
    // Killed while its reconciler applies (or is about to): nothing it did after the commit is finished.
    child.kill("SIGKILL")
    await new Promise((r) => child.once("exit", r))

    const retry = await li.request("POST", "/api/v1/apps", JSON.stringify(body), {
      "idempotency-key": "kill-1"
    })
    const again = (await retry.json()) as InstallResult
    expect(again.replayed).toBe(true)
    expect(again.created.map((i) => i.name)).toEqual(["mysql-kill", "metastore-kill"])

    // This replica's reconciler (the job's pass) takes over once the dead one's lease expires.
    const reconciler = await wharf.runtime.runPromise(
      Effect.gen(function* () {
        return yield* Reconciler
      })
    )
    await waitFor(
      async () => {
        await wharf.runtime.runPromise(reconciler.reconcileAll)
        const got = await li.rest<InstanceDetail>("GET", "/apps/metastore-kill")
        return got.body.status === "ready"
      },
      "metastore ready after the restart",
      60_000
    )
    const rows = await wharf.database.pool<{ name: string }[]>`
      select name from app_catalog.instances where name like '%-kill' order by name`
    expect(rows.map((r) => r.name)).toEqual(["metastore-kill", "mysql-kill"])
    for (const instance of ["mysql-kill", "metastore-kill"]) {
      const selector = `wharf.io/app-instance=${instance}`
      const services = await kube.core.listNamespacedService({ namespace: NS, labelSelector: selector })
      const names = services.items.map((s) => s.metadata?.name)
      expect(new Set(names).size).toBe(names.length)
      const sts = await kube.apps.listNamespacedStatefulSet({ namespace: NS, labelSelector: selector })
      const deploys = await kube.apps.listNamespacedDeployment({ namespace: NS, labelSelector: selector })
      expect(sts.items.length + deploys.items.length).toBe(1)
    }
  })
})
