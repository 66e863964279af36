import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { loadConfig } from "@wharf/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createWharf, type Wharf } from "./host"

describe("the HTTP surface", () => {
  let wharf: Wharf
  let dir: string
  beforeAll(async () => {
    process.env.WHARF_LOG ??= "silent"
    dir = mkdtempSync(join(tmpdir(), "wharf-http-"))
    const consoleDir = join(dir, "console")
    mkdirSync(join(consoleDir, "assets"), { recursive: true })
    writeFileSync(join(consoleDir, "index.html"), "<!doctype html><title>Wharf</title>")
    writeFileSync(join(consoleDir, "assets", "index-abc123.js"), "console.log(1)")
    const config = loadConfig({
      env: { WHARF_DATA_DIR: join(dir, "data"), WHARF_DEMO: "0", WHARF_ADMIN_PASSWORD: "admin-password-1" },
      defaultPlugins: ["identity"]
    })
    wharf = await createWharf({ config, consoleDir, jobs: false })
  })
  afterAll(async () => {
    await wharf?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("answers health and readiness", async () => {
    expect(await (await wharf.app.request("/healthz")).json()).toEqual({ status: "ok" })
    const ready = await wharf.app.request("/readyz")
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: "ready", database: "embedded" })
  })

  it("serves hashed assets for a year and the console page always revalidated", async () => {
    const asset = await wharf.app.request("/assets/index-abc123.js")
    expect(asset.status).toBe(200)
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    const page = await wharf.app.request("/admin/users")
    expect(page.status).toBe(200)
    expect(page.headers.get("cache-control")).toBe("no-cache")
    expect(await page.text()).toContain("<title>Wharf</title>")
  })

  it("answers an unknown API path with a JSON 404, not the console page", async () => {
    const res = await wharf.app.request("/api/v1/no-such-thing")
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: "NotFound", message: "No API route GET /api/v1/no-such-thing" }
    })
  })

  it("tags every answer with a request id, echoing the caller's", async () => {
    const res = await wharf.app.request("/healthz", { headers: { "x-request-id": "trace-42" } })
    expect(res.headers.get("x-request-id")).toBe("trace-42")
  })
})
