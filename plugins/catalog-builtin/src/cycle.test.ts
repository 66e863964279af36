/**
 * A dependency cycle reaches the server only from a catalog that ships one (a vendor's
 * mistake the catalog does not catch): the preview and the install refuse it, naming the loop,
 * and nothing is created.
 */
import { contribute, definePlugin } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { appCatalogs, type InstanceList, type Preview } from "@wharf/plugin-app-catalog/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { builtinApps } from "./apps"

const terminal = builtinApps.find((a) => a.name === "terminal")!

const loopsPlugin = definePlugin({
  id: "catalog-loops",
  version: "0.1.0",
  description: "A catalog whose two apps need each other",
  dependsOn: ["app-catalog"],
  contributions: [
    contribute(appCatalogs, {
      catalog: "loops",
      definitions: [
        { ...terminal, name: "loop-a", title: "Loop A", dependencies: [{ app: "loop-b", required: true }] },
        { ...terminal, name: "loop-b", title: "Loop B", dependencies: [{ app: "loop-a", required: true }] }
      ]
    })
  ]
})

describe.each(testBackends())("a dependency cycle on $name", (backend) => {
  let wharf: TestWharf
  let li: TestClient

  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "clusters", "tenants", "app-catalog", "catalog-builtin", "catalog-loops"],
      available: [loopsPlugin],
      demo: true
    })
    li = wharf.client()
    await li.signIn("li.wei@example.com", "wharf-demo-1")
  }, 60_000)
  afterAll(async () => {
    await wharf?.stop()
  })

  const request = { app: "loop-a", tenant: "g-data-team", cluster: "default", visibility: "tenant" }

  it("the preview refuses it, naming each app of the loop in order", async () => {
    const r = await li.rest<Preview>("POST", "/apps/preview", request)
    expect(r.status).toBe(200)
    expect(r.body.refusals).toEqual([
      {
        path: "dependencies.loop-b.dependencies.loop-a",
        message: expect.stringContaining("loop-a → loop-b → loop-a")
      }
    ])
  })

  it("says so in the reader's language", async () => {
    const zh = wharf.client()
    await zh.signIn("zhang.min@example.com", "wharf-demo-1")
    const r = await zh.rest<Preview>("POST", "/apps/preview", request)
    expect(r.body.refusals?.[0]?.message).toBe("依赖形成循环，无法安装：loop-a → loop-b → loop-a")
  })

  it("the install refuses it with the same words and creates nothing", async () => {
    const r = await li.rest<{ error: { message: string } }>("POST", "/apps", request)
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body)).toContain("loop-a → loop-b → loop-a")
    const list = await li.rest<InstanceList>("GET", "/apps")
    expect(list.body.items).toEqual([])
  })
})
