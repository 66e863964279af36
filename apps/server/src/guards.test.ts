import { BlockList } from "node:net"
import { clientAddress, trustedProxies } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ADMIN, startTestWharf, type TestWharf } from "./testing"

describe("the client's address", () => {
  const none = new BlockList()
  it("is the socket's; X-Forwarded-For from an untrusted client is ignored", () => {
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "10.9.9.9", proxies: none })).toBe(
      "203.0.113.9"
    )
    expect(
      clientAddress({ socketAddress: "::ffff:198.51.100.4", forwardedFor: undefined, proxies: none })
    ).toBe("198.51.100.4")
  })
  it("is read from X-Forwarded-For only through trusted proxies, right to left", () => {
    const proxies = trustedProxies(["10.0.0.0/8", "192.0.2.1"])
    // The client wrote "1.2.3.4" itself; the proxies saw 198.51.100.7.
    expect(
      clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7, 192.0.2.1", proxies })
    ).toBe("198.51.100.7")
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "not-an-ip", proxies })).toBe("10.0.0.2")
  })
  it("refuses a malformed WHARF_TRUSTED_PROXIES", () => {
    expect(() => trustedProxies(["10.0.0.0/99"])).toThrow(/prefix/)
    expect(() => trustedProxies(["proxy.local"])).toThrow(/not an address/)
  })
})

describe.each(testBackends())("what every request passes on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "helpdesk"],
      env: { WHARF_JSON_MAX_BYTES: "65536", WHARF_PUBLIC_URL: "https://wharf.example.com" }
    })
  })
  afterAll(() => wharf?.stop())

  it("every answer carries the security headers; the policy allows no inline script", async () => {
    for (const path of ["/healthz", "/api/v1/plugins", "/api/v1/nothing", "/trpc/identity.session.me"]) {
      const res = await wharf.client().request("GET", path)
      const csp = res.headers.get("content-security-policy") ?? ""
      expect(csp, path).toContain("script-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get("x-frame-options")).toBe("DENY")
      expect(res.headers.get("referrer-policy")).toBe("same-origin")
      expect(res.headers.get("x-content-type-options")).toBe("nosniff")
      expect(res.headers.get("strict-transport-security")).toContain("max-age")
    }
  })

  it("cookies are Secure behind https", async () => {
    const res = await wharf.client().request("POST", "/api/v1/auth/login", ADMIN)
    expect(res.status).toBe(200)
    const cookies = res.headers.getSetCookie()
    expect(cookies.length).toBe(2)
    for (const c of cookies) expect(c).toMatch(/; Secure/)
  })

  it("a body over the limit is refused with 413 before it is read whole", async () => {
    const big = JSON.stringify({ name: "x", email: "a@example.org", description: "y".repeat(70_000) })
    const res = await wharf.client().request("POST", "/api/v1/guest/tickets", big)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("PayloadTooLarge")
    // A streamed body (no length) is cut off once it passes the limit; the rest is never pulled.
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16_384
        if (pulled > 10 * 1024 ** 2) controller.close()
        else controller.enqueue(new Uint8Array(16_384).fill(32))
      }
    })
    const streamed = await wharf.app.request("/trpc/identity.session.signIn", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half"
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(pulled).toBeLessThan(200_000)
  })

  it("sign-in accepts JSON only, so a cross-site form cannot post it", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x"
    ]) {
      const res = await wharf.client().request("POST", "/api/v1/auth/login", JSON.stringify(ADMIN), {
        "content-type": type
      })
      expect(res.status, type).toBe(415)
      expect(res.headers.getSetCookie()).toEqual([])
    }
  })

  it("sign-in and cookie changes from another site's page are refused; tokens and own pages pass", async () => {
    const evil = { origin: "https://evil.example" }
    const login = await wharf.client().request("POST", "/api/v1/auth/login", ADMIN, evil)
    expect(login.status).toBe(403)
    expect(login.headers.getSetCookie()).toEqual([])
    const viaTrpc = await wharf.client().request("POST", "/trpc/identity.session.signIn", ADMIN, {
      "sec-fetch-site": "cross-site"
    })
    expect(viaTrpc.status).toBe(403)

    const admin = wharf.client()
    expect(
      (await admin.request("POST", "/api/v1/auth/login", ADMIN, { origin: "https://wharf.example.com" }))
        .status
    ).toBe(200)
    // Even with the CSRF token (a leaked one), another origin cannot change things.
    const forged = await admin.request("POST", "/trpc/identity.tokens.create", { name: "forged" }, evil)
    expect(forged.status).toBe(403)
    const own = await admin.request(
      "POST",
      "/trpc/identity.tokens.create",
      { name: "ci" },
      {
        origin: "https://wharf.example.com"
      }
    )
    expect(own.status).toBe(200)
    const { result } = (await own.json()) as { result: { data: { token: string } } }
    const script = wharf.client()
    script.bearer = result.data.token
    const withToken = await script.request("POST", "/trpc/identity.tokens.create", { name: "script" }, evil)
    expect(withToken.status).toBe(200)
  })

  it("a tRPC batch may not call more than 20 procedures", async () => {
    const paths = Array.from({ length: 21 }, () => "identity.session.me").join(",")
    const res = await wharf.client().request("GET", `/trpc/${paths}?batch=1&input={}`)
    expect(res.status).toBe(400)
    const ok = await wharf
      .client()
      .request("GET", `/trpc/${paths.split(",").slice(1).join(",")}?batch=1&input={}`)
    expect(ok.status).toBe(200)
  })
})
