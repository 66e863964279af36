import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { loadConfig } from "@wharf/core"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { createWharf, type Wharf } from "@wharf/server"
import { ADMIN, TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, describe, expect, it } from "vitest"
import { clusterApis, waitFor } from "./testing/helpers"

// PGlite only: the embedded database and the simulated cluster's state live in the data folder.
describe("the reconciler across a restart", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-tenants-restart-"))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  const start = (jobs: boolean) =>
    createWharf({
      config: loadConfig({
        env: {
          WHARF_DATA_DIR: dataDir,
          WHARF_ADMIN_EMAIL: ADMIN.email,
          WHARF_ADMIN_PASSWORD: ADMIN.password,
          WHARF_DEMO: "1",
          WHARF_LOG: "silent",
          WHARF_PLUGINS: "identity,clusters,tenants"
        },
        cwd: dataDir
      }),
      jobs
    })
  const admin = async (wharf: Wharf) => {
    const c = new TestClient(wharf)
    await c.signIn()
    const cluster = (await c.rest<{ items: ClusterSummary[] }>("GET", "/clusters")).body.items[0]!
    return { c, cluster, apis: await clusterApis(wharf as TestWharf, cluster.id) }
  }

  it("puts back what was changed in the cluster while Wharf was down", async () => {
    process.env.WHARF_LOG = "silent"
    const first = await start(false)
    const one = await admin(first)
    const created = await one.c.rest("POST", "/quotas", {
      type: "leasee",
      subject: "analytics",
      clusterId: one.cluster.id,
      cpu: 10
    })
    expect(created.status).toBe(201)
    await waitFor(
      () => one.apis.core.readNamespacedResourceQuota({ namespace: "g-analytics", name: "wharf-priority-0" }),
      "the quota in the cluster"
    )
    // A hand edit while Wharf is stopped: the quota is gone from the cluster.
    await one.apis.core.deleteNamespacedResourceQuota({ namespace: "g-analytics", name: "wharf-priority-0" })
    await first.close()

    const second = await start(true)
    const two = await admin(second)
    const back = await waitFor(
      () => two.apis.core.readNamespacedResourceQuota({ namespace: "g-analytics", name: "wharf-priority-0" }),
      "the tenants.reconcile job to put the quota back",
      25_000
    )
    expect(back.spec?.hard?.["requests.cpu"]).toBe("10")
    await second.close()
  }, 60_000)
})
