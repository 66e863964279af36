import { ADMIN } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CliSuite, startCliSuite } from "./testing"

describe("wharf tenants and wharf quotas", () => {
  let suite: CliSuite
  const wharfCli = (...args: string[]) => suite.cli(...args)

  beforeAll(async () => {
    suite = await startCliSuite(["identity", "clusters", "tenants"])
    await wharfCli("login", "--url", suite.url, "--email", ADMIN.email, "--password", ADMIN.password)
  })
  afterAll(() => suite?.stop())

  it("creates, lists, changes and deletes a quota, in tables and in JSON", async () => {
    const created = await wharfCli(
      "quotas",
      "create",
      "--subject",
      "li.wei@example.com",
      "--cpu",
      "8",
      "--json"
    )
    expect(created.code).toBe(0)
    const row = JSON.parse(created.text)
    expect(row).toMatchObject({ tenant: { id: "u-li-wei-example-com" }, priority: 0, cpu: 8, memory: 102400 })
    const listed = await wharfCli("quotas", "list", "--cluster", "default")
    expect(listed.text).toMatch(/u-li-wei-example-com\s+default\s+0\s+8\s+102400\s+102400\s+10240/)
    const set = await wharfCli("quotas", "set", row.id, "--memory", "2048", "--json")
    expect(JSON.parse(set.text)).toMatchObject({ memory: 2048 })
    const tenants = await wharfCli("tenants", "list", "--json")
    expect(JSON.parse(tenants.text).map((t: { id: string }) => t.id)).toContain("u-li-wei-example-com")
    const deleted = await wharfCli("quotas", "delete", row.id)
    expect(deleted.text).toBe(`Deleted quota ${row.id}`)
    expect((await wharfCli("quotas", "list", "--json")).text).toBe("[]")
  })

  it("names the wrong value", async () => {
    expect(
      (await wharfCli("quotas", "create", "--subject", "li.wei@example.com", "--cpu", "many")).code
    ).toBe(1)
    const unknown = await wharfCli("quotas", "create", "--subject", "nobody@example.com")
    expect(unknown.code).toBe(1)
  })
})
