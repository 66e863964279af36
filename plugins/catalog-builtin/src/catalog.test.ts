/** The catalog over REST and tRPC, built from the built-in catalog plugin's contribution. */
import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

describe("the app catalog API", () => {
  const backend = testBackends()[0]!
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "clusters", "tenants", "app-catalog", "catalog-builtin"]
    })
  })
  afterAll(() => wharf?.stop())

  it("lists the built-in apps with their tags, searches and filters by tag", async () => {
    const user = wharf.client()
    await user.signIn()
    const all = await user.rest("GET", "/catalog")
    expect(all.status).toBe(200)
    expect(all.body.items).toHaveLength(18)
    expect(all.body.items.find((a: { name: string }) => a.name === "redis")).toMatchObject({
      title: "Redis",
      version: "7.2.4",
      vendor: "Wharf",
      dependencies: []
    })
    expect(all.body.tags).toContain("tdh")
    const found = await user.rest("GET", "/catalog?q=hive%20metadata")
    expect(found.body.items.map((a: { name: string }) => a.name)).toEqual(["metastore"])
    const tdh = await user.rest("GET", "/catalog?tag=messaging")
    expect(tdh.body.items.map((a: { name: string }) => a.name).sort()).toEqual(["kafka", "rabbitmq"])
  })

  it("answers one app with its definition, 404 for none, 400 naming a bad query", async () => {
    const user = wharf.client()
    await user.signIn()
    const inceptor = await user.trpc["app-catalog"].get.query({ name: "inceptor" })
    expect(inceptor.ok && inceptor.data.definition.links[0]).toMatchObject({ role: "master", port: 4040 })
    expect((await user.rest("GET", "/catalog/nothing")).status).toBe(404)
    const bad = await user.rest("GET", `/catalog?q=${"x".repeat(300)}`)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain("q")
  })

  it("is for signed-in users only", async () => {
    expect((await wharf.client().rest("GET", "/catalog")).status).toBe(401)
  })
})
