import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { loadConfig } from "@wharf/core"
import { createWharf, type Wharf } from "@wharf/server"
import { ADMIN, TestClient } from "@wharf/server/testing"
import { afterAll, describe, expect, it } from "vitest"
import type { ClusterSummary, HostsOverview } from "../shared/types"

// PGlite only: the embedded database and the kube-sim state both live in the data folder.
describe("the simulated default cluster across restarts", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-clusters-restart-"))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  const start = () =>
    createWharf({
      config: loadConfig({
        env: {
          WHARF_DATA_DIR: dataDir,
          WHARF_ADMIN_EMAIL: ADMIN.email,
          WHARF_ADMIN_PASSWORD: ADMIN.password,
          WHARF_DEMO: "0",
          WHARF_LOG: "silent",
          WHARF_PLUGINS: "identity,clusters"
        },
        cwd: dataDir
      }),
      jobs: false
    })
  const defaultCluster = async (wharf: Wharf) => {
    const admin = new TestClient(wharf)
    await admin.signIn()
    const list = await admin.rest<{ items: ClusterSummary[] }>("GET", "/clusters")
    return { admin, cluster: list.body.items[0]! }
  }

  it("keeps its id and its state, on a new address", async () => {
    process.env.WHARF_LOG = "silent"
    const first = await start()
    const before = await defaultCluster(first)
    const patched = await before.admin.rest(
      "PATCH",
      `/clusters/${before.cluster.id}/hosts/sim-node-2/labels`,
      {
        set: { "wharf.io/kept": "yes" }
      }
    )
    expect(patched.status).toBe(200)
    await first.close()

    const second = await start()
    const after = await defaultCluster(second)
    expect(after.cluster).toMatchObject({
      id: before.cluster.id,
      name: "default",
      simulated: true,
      status: "connected"
    })
    const hosts = await after.admin.rest<HostsOverview>(
      "GET",
      `/clusters/${after.cluster.id}/hosts?labels=wharf.io/kept=yes`
    )
    expect(hosts.body.hosts.map((h) => h.name)).toEqual(["sim-node-2"])
    await second.close()
  })
})
