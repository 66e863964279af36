import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import {
  CONSOLE_BOOT_ID,
  CONSOLE_PRELOADS,
  type ConsoleBoot,
  type ConsolePreloads,
  loadConfig
} from "@wharf/core"
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
    writeFileSync(
      join(consoleDir, "index.html"),
      '<!doctype html><head><title>Wharf</title><script type="module" crossorigin src="/assets/index-abc123.js"></script></head>'
    )
    writeFileSync(join(consoleDir, "assets", "index-abc123.js"), "console.log(1)")
    writeFileSync(join(consoleDir, "assets", "index-abc123.js.gz"), gzipSync("console.log(1)"))
    writeFileSync(join(consoleDir, "assets", "Users-def456.js"), "console.log(2)")
    writeFileSync(join(consoleDir, "assets", "web-789.js"), "console.log(3)")
    const preloads: ConsolePreloads = {
      plugins: { identity: ["/assets/web-789.js", "/assets/index-abc123.js"] },
      routes: [
        { path: "/admin/users", files: ["/assets/Users-def456.js", "/assets/index-abc123.js"] },
        { path: "/admin/:section", files: ["/assets/Other-000.js"] }
      ]
    }
    writeFileSync(join(consoleDir, CONSOLE_PRELOADS), JSON.stringify(preloads))
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

  it("serves hashed assets for a year, compressed when the browser takes it", async () => {
    const asset = await wharf.app.request("/assets/index-abc123.js", {
      headers: { "accept-encoding": "gzip" }
    })
    expect(asset.status).toBe(200)
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    expect(asset.headers.get("content-encoding")).toBe("gzip")
    const plain = await wharf.app.request("/assets/index-abc123.js")
    expect(plain.headers.get("content-encoding")).toBeNull()
    expect(await plain.text()).toBe("console.log(1)")
    expect(plain.headers.get("vary")).toBe("Accept-Encoding")
    // Written after the start (a build into the same folder): served too, from disk.
    writeFileSync(join(dir, "console", "assets", "later-111.js"), "console.log(4)")
    const later = await wharf.app.request("/assets/later-111.js")
    expect(await later.text()).toBe("console.log(4)")
    expect(later.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
  })

  /** The data block the console's page carries, parsed as the console parses it. */
  const bootOf = (html: string): ConsoleBoot | null => {
    const found = html.match(
      new RegExp(`<script type="application/json" id="${CONSOLE_BOOT_ID}">(.*?)</script>`)
    )
    return found ? JSON.parse(found[1]!) : null
  }

  it("gives a visitor the console page with the plugins, nobody signed in, kept by no cache", async () => {
    const page = await wharf.app.request("/admin/users")
    expect(page.status).toBe(200)
    expect(page.headers.get("cache-control")).toBe("private, no-store")
    const html = await page.text()
    expect(html).toContain("<title>Wharf</title>")
    expect(bootOf(html)).toEqual({
      plugins: [expect.objectContaining({ id: "identity" })],
      session: null
    })
    // The plugins' and the page's files, once each, and none index.html already names.
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/web-789.js">')
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/Users-def456.js">')
    expect(html).not.toContain("Other-000")
    expect(html.match(/index-abc123\.js/g)).toHaveLength(1)
  })

  it("writes the signed-in viewer into their page, escaped so no name can end the data block", async () => {
    const login = await wharf.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@wharf.local", password: "admin-password-1" })
    })
    expect(login.status).toBe(200)
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ")
    const csrf = cookie.match(/wharf_csrf=([^;]+)/)?.[1] ?? ""
    const hostile = "</script><script>alert(1)</script><!-- $& \u2028 x"
    const renamed = await wharf.app.request("/trpc/identity.profile.update", {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
      body: JSON.stringify({ name: hostile })
    })
    expect(renamed.status).toBe(200)

    const page = await wharf.app.request("/", { headers: { cookie } })
    expect(page.headers.get("cache-control")).toBe("private, no-store")
    expect(page.headers.get("vary")).toContain("Cookie")
    const html = await page.text()
    // One script element with code (the console's entry) and one data block: nothing injected.
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html).not.toContain("</script><script>alert")
    const boot = bootOf(html)
    expect(boot?.session?.user).toMatchObject({ email: "admin@wharf.local", name: hostile })
    expect(boot?.plugins.map((p) => p.id)).toEqual(["identity"])

    // The next visitor without the cookie sees nobody.
    expect(bootOf(await (await wharf.app.request("/")).text())?.session).toBeNull()
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

describe("a request reaching Wharf while it stops", () => {
  it("answers 503 'Wharf is stopping' in the caller's shape, not a 500", async () => {
    process.env.WHARF_LOG ??= "silent"
    const dir = mkdtempSync(join(tmpdir(), "wharf-stopping-"))
    const config = loadConfig({
      env: { WHARF_DATA_DIR: join(dir, "data"), WHARF_DEMO: "0", WHARF_ADMIN_PASSWORD: "admin-password-1" },
      defaultPlugins: ["identity"]
    })
    const wharf = await createWharf({ config, jobs: false })
    await wharf.close()
    try {
      // A keep-alive connection still open at shutdown sends one more request.
      const rest = await wharf.app.request("/api/v1/me", { headers: { cookie: "wharf_session=abc" } })
      expect(rest.status).toBe(503)
      expect(await rest.json()).toEqual({ error: { code: "Unavailable", message: "Wharf is stopping" } })
      const trpc = await wharf.app.request("/trpc/identity.me", { headers: { cookie: "wharf_session=abc" } })
      expect(trpc.status).toBe(503)
      expect(await trpc.json()).toMatchObject({
        error: { message: "Wharf is stopping", data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 } }
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
