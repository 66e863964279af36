import { testBackends } from "@wharf/core/testing"
import { ADMIN, startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

describe.each(testBackends())("password guesses on $name (issue 12, findings 1, 2, 10)", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity"] })
  })
  afterAll(() => wharf?.stop())

  const user = async (email: string) => {
    const admin = wharf.client()
    await admin.signIn()
    const created = await admin.call("mutation", "identity.users.create", {
      email,
      name: email,
      password: "right-password-1",
      roles: ["user"]
    })
    expect(created.ok).toBe(true)
  }

  it("forty parallel sign-ins get five password checks; a rotated X-Forwarded-For changes nothing", async () => {
    await user("parallel@example.com")
    const guesser = wharf.client()
    guesser.ip = "203.0.113.10"
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        guesser.request("POST", "/api/v1/auth/login", {
          email: "parallel@example.com",
          password: "wrong-guess"
        })
      )
    )
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s === 401).length).toBe(5)
    expect(statuses.filter((s) => s === 429).length).toBe(35)
    const rotated = await guesser.request(
      "POST",
      "/api/v1/auth/login",
      { email: "parallel@example.com", password: "right-password-1" },
      { "x-forwarded-for": "198.51.100.77" }
    )
    expect(rotated.status).toBe(429)
    // The owner, from their own address, is not locked out by the stranger.
    const owner = wharf.client()
    owner.ip = "192.0.2.50"
    await owner.signIn("parallel@example.com", "right-password-1")
  })

  it("one batched request counts each of its sign-ins", async () => {
    await user("batched@example.com")
    const guesser = wharf.client()
    guesser.ip = "203.0.113.11"
    const n = 20
    const body = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        String(i),
        { email: "batched@example.com", password: `guess-${i}` }
      ])
    )
    const paths = Array.from({ length: n }, () => "identity.session.signIn").join(",")
    const res = await guesser.request("POST", `/trpc/${paths}?batch=1`, body)
    const items = (await res.json()) as Array<{ error?: { data: { code: string } } }>
    expect(items.filter((i) => i.error?.data.code === "UNAUTHORIZED").length).toBe(5)
    expect(items.filter((i) => i.error?.data.code === "TOO_MANY_REQUESTS").length).toBe(15)
  })

  it("guesses at the current password are limited; a change ends other sessions and, if asked, tokens", async () => {
    await user("changer@example.com")
    const other = wharf.client()
    other.ip = "192.0.2.60"
    await other.signIn("changer@example.com", "right-password-1")
    const me = wharf.client()
    me.ip = "192.0.2.61"
    await me.signIn("changer@example.com", "right-password-1")
    const token = await me.call<{ token: string }>("mutation", "identity.tokens.create", { name: "cli" })
    expect(token.ok).toBe(true)

    const changed = await me.call("mutation", "identity.profile.changePassword", {
      currentPassword: "right-password-1",
      newPassword: "new-password-22",
      revokeTokens: true
    })
    expect(changed).toEqual({ ok: true, data: { endedSessions: 1, revokedTokens: 1 } })
    expect(
      (await other.call("query", "identity.session.me")).ok &&
        (await other.call("query", "identity.session.me"))
    ).toEqual({
      ok: true,
      data: null
    })
    const script = wharf.client()
    script.bearer = token.ok ? token.data.token : ""
    expect((await script.rest("GET", "/me")).status).toBe(401)
    expect((await me.call("query", "identity.session.me")).ok).toBe(true)

    const results: string[] = []
    for (let i = 0; i < 7; i++) {
      const r = await me.call("mutation", "identity.profile.changePassword", {
        currentPassword: `guess-${i}`,
        newPassword: "another-password-3"
      })
      results.push(r.ok ? "ok" : r.error.code)
    }
    expect(results).toEqual([...Array(5).fill("BAD_REQUEST"), "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"])
  })

  it("the admin is not locked out by strangers' failures", async () => {
    for (let i = 0; i < 3; i++) {
      const stranger = wharf.client()
      stranger.ip = `203.0.113.${100 + i}`
      for (let j = 0; j < 6; j++)
        await stranger.request("POST", "/api/v1/auth/login", { email: ADMIN.email, password: "nope-nope" })
    }
    await wharf.client().signIn()
  })
})
