import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { run } from "./main"

const waitFor = async (fn: () => Promise<boolean>, what: string, ms = 30_000) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe("wharf catalog and wharf apps", () => {
  let wharf: TestWharf
  let server: ReturnType<typeof serve>
  let dir: string
  const wharfCli = async (...args: string[]) => {
    const lines: string[] = []
    const code = await run(args, (l) => lines.push(l))
    return { code, text: lines.join("\n") }
  }

  beforeAll(async () => {
    wharf = await startTestWharf({
      backend: testBackends()[0]!,
      plugins: ["identity", "clusters", "tenants", "app-catalog", "catalog-builtin"],
      demo: true
    })
    const admin = wharf.client()
    await admin.signIn()
    const [cluster] = (await admin.rest("GET", "/clusters")).body.items
    await admin.rest("POST", "/quotas", { type: "leasee", subject: "data-team", clusterId: cluster.id })
    server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" })
    await new Promise((r) => server.once("listening", r))
    const address = server.address()
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`
    dir = mkdtempSync(join(tmpdir(), "wharf-cli-apps-"))
    process.env.WHARF_CLI_CONFIG = join(dir, "credentials.json")
    await wharfCli("login", "--url", url, "--email", "li.wei@example.com", "--password", "wharf-demo-1")
    // The tenant's namespace comes from the tenants reconciler, right after the quota.
    await waitFor(
      async () =>
        (await wharfCli("apps", "install", "redis", "--tenant", "g-data-team", "--preview")).code === 0,
      "a preview that passes"
    )
  }, 60_000)
  afterAll(async () => {
    await new Promise((r) => server?.close(r))
    await wharf?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it("lists the catalog, previews, installs, lists, exports, scales and deletes", {
    timeout: 90_000
  }, async () => {
    expect((await wharfCli("catalog", "--search", "inceptor")).text).toMatch(/inceptor\s+Inceptor/)
    const preview = await wharfCli(
      "apps",
      "install",
      "metastore",
      "--tenant",
      "g-data-team",
      "--cluster",
      "default",
      "--set",
      "server.memory=2Gi",
      "--dependency",
      "mysql=new",
      "--preview",
      "-o",
      "yaml"
    )
    expect(preview.code).toBe(0)
    expect(preview.text).toContain("kind: StatefulSet")
    const refused = await wharfCli(
      "apps",
      "install",
      "metastore",
      "--tenant",
      "g-data-team",
      "--dependency",
      "mysql=none",
      "--preview"
    )
    expect(refused.code).toBe(1)
    expect(refused.text).toContain("refused: dependencies.mysql")

    const installed = await wharfCli(
      "apps",
      "install",
      "redis",
      "--tenant",
      "g-data-team",
      "--name",
      "redis-cli1",
      "--json"
    )
    expect(installed.code).toBe(0)
    expect(JSON.parse(installed.text).instance.name).toBe("redis-cli1")
    await waitFor(
      async () => (await wharfCli("apps", "list", "--status", "ready")).text.includes("redis-cli1"),
      "redis ready"
    )
    const listed = await wharfCli("apps", "list", "--cluster", "default", "--namespace", "g-data-team")
    expect(listed.text).toMatch(/redis-cli1\s+redis\s+7\.2\.4\s+g-data-team\s+default\s+g-data-team\s+ready/)
    const yaml = await wharfCli("apps", "get", "redis-cli1", "-o", "yaml")
    expect(yaml.text).toContain("name: redis-cli1-master")
    expect((await wharfCli("apps", "scale", "redis-cli1", "master=1")).text).toBe(
      "Scaled redis-cli1: master=1"
    )
    expect((await wharfCli("apps", "scale", "redis-cli1", "master=lots")).code).toBe(1)
    const gone = await wharfCli("apps", "delete", "redis-cli1", "--delete-volumes")
    expect(gone.text).toBe("Deleting redis-cli1 (volumes deleted)")
  })
})
