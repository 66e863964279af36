import { waitFor } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CliSuite, startCliSuite } from "./testing"

describe("wharf catalog and wharf apps", () => {
  let suite: CliSuite
  const wharfCli = (...args: string[]) => suite.cli(...args)

  beforeAll(async () => {
    suite = await startCliSuite(["identity", "clusters", "tenants", "app-catalog", "catalog-builtin"])
    const admin = suite.wharf.client()
    await admin.signIn()
    const [cluster] = (await admin.rest("GET", "/clusters")).body.items
    await admin.rest("POST", "/quotas", { type: "leasee", subject: "data-team", clusterId: cluster.id })
    await wharfCli("login", "--url", suite.url, "--email", "li.wei@example.com", "--password", "wharf-demo-1")
    // The tenant's namespace comes from the tenants reconciler, right after the quota.
    await waitFor(
      async () =>
        (await wharfCli("apps", "install", "redis", "--tenant", "g-data-team", "--preview")).code === 0,
      "a preview that passes",
      30_000,
      100
    )
  }, 60_000)
  afterAll(() => suite?.stop())

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
