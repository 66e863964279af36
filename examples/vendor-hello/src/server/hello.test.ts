import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { helloPlugin } from "."

describe.each(testBackends())("a vendor's plugin named in wharf.config.json, on $name", (backend) => {
  let wharf: TestWharf
  let dir: string
  beforeAll(async () => {
    // Nothing in Wharf names this package: the configuration file is all it takes.
    dir = mkdtempSync(join(tmpdir(), "wharf-vendor-"))
    const config = join(dir, "wharf.config.json")
    writeFileSync(config, JSON.stringify({ plugins: ["identity", "@acme/wharf-plugin-hello"] }))
    wharf = await startTestWharf({ backend, demo: true, env: { WHARF_CONFIG: config } })
  })
  afterAll(async () => {
    await wharf?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it("is enabled and listed with its version", async () => {
    const r = await wharf.client().rest("GET", "/plugins")
    expect(r.body.plugins.map((p: { id: string }) => p.id)).toEqual(["identity", "hello"])
  })

  it("migrated its schema and loaded its own demo greetings", async () => {
    const c = wharf.client()
    await c.signIn()
    const list = await c.api<typeof helloPlugin.router>("hello").greetings.list.query()
    expect(list.ok && list.data.map((g) => g.message)).toEqual([
      "Hello from a vendor's plugin",
      "欢迎使用 Wharf！"
    ])
  })

  it("adds a greeting through tRPC and lists it over REST", async () => {
    const c = wharf.client()
    await c.signIn()
    const added = await c.api<typeof helloPlugin.router>("hello").greetings.add.mutate({ message: "你好" })
    expect(added.ok && added.data).toMatchObject({ message: "你好", author: "admin@wharf.test" })
    const rest = await c.rest("GET", "/hello/greetings")
    expect(rest.status).toBe(200)
    expect(rest.body.items[0]).toMatchObject({ message: "你好" })
  })

  it("refuses an empty greeting with a 400 naming the field", async () => {
    const c = wharf.client()
    await c.signIn()
    const r = await c.api<typeof helloPlugin.router>("hello").greetings.add.mutate({ message: "" })
    expect(!r.ok && r.error).toMatchObject({ httpStatus: 400, message: "message: must not be empty" })
  })

  it("is for signed-in users only", async () => {
    const r = await wharf.client().rest("GET", "/hello/greetings")
    expect(r.status).toBe(401)
  })
})
