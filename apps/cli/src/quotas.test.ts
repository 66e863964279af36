import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import { testBackends } from "@wharf/core/testing"
import { ADMIN, startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { run } from "./main"

describe("wharf tenants and wharf quotas", () => {
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
      plugins: ["identity", "clusters", "tenants"],
      demo: true
    })
    server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" })
    await new Promise((r) => server.once("listening", r))
    const address = server.address()
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`
    dir = mkdtempSync(join(tmpdir(), "wharf-cli-quotas-"))
    process.env.WHARF_CLI_CONFIG = join(dir, "credentials.json")
    await wharfCli("login", "--url", url, "--email", ADMIN.email, "--password", ADMIN.password)
  })
  afterAll(async () => {
    await new Promise((r) => server?.close(r))
    await wharf?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

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
