import { testBackends } from "@wharf/core/testing"
import { ADMIN, startTestWharf, type TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

describe.each(testBackends())("identity on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity"], demo: true })
  })
  afterAll(() => wharf?.stop())

  it("the first start creates the admin from WHARF_ADMIN_EMAIL/PASSWORD, who can sign in", async () => {
    const admin = wharf.client()
    const me = await admin.signIn()
    expect(me.user.email).toBe(ADMIN.email)
    expect(me.user.roles).toContain("admin")
    const rest = await admin.rest("GET", "/me")
    expect(rest.status).toBe(200)
    expect(rest.body.user.email).toBe(ADMIN.email)
  })

  it("demo users and groups are loaded on the first start", async () => {
    const user = wharf.client()
    const me = await user.signIn("li.wei@example.com", "wharf-demo-1")
    expect(me.user.name).toBe("李伟")
    expect(me.groups.map((g: { name: string }) => g.name).sort()).toEqual(["analytics", "data-team"])
  })

  it("a wrong password is refused with a message, and sets no session", async () => {
    const c = wharf.client()
    const r = await c.trpc.identity.session.signIn.mutate({ email: ADMIN.email, password: "wrong-password" })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.httpStatus).toBe(401)
      expect(r.error.message).toBe("Wrong email or password")
    }
    expect(c.cookie("wharf_session")).toBeUndefined()
    expect((await c.rest("GET", "/me")).status).toBe(401)
  })

  it("after five failed sign-ins the account is rate limited, even with the right password", async () => {
    const c = wharf.client()
    for (let i = 0; i < 5; i++) {
      await c.trpc.identity.session.signIn.mutate({ email: "zhang.min@example.com", password: `guess-${i}` })
    }
    const r = await c.rest("POST", "/auth/login", {
      email: "zhang.min@example.com",
      password: "wharf-demo-1"
    })
    expect(r.status).toBe(429)
    expect(r.body.error.message).toMatch(/Too many failed sign-ins; try again in \d+ minutes/)
  })

  it("signing in rotates the session id: a cookie planted before sign-in is worthless after it", async () => {
    const c = wharf.client()
    await c.signIn("david.lee@example.com", "wharf-demo-1")
    const first = c.cookie("wharf_session")
    await c.signIn("david.lee@example.com", "wharf-demo-1")
    const second = c.cookie("wharf_session")
    expect(second).toBeDefined()
    expect(second).not.toBe(first)
    const stale = await wharf.app.request("/api/v1/me", { headers: { cookie: `wharf_session=${first}` } })
    expect(stale.status).toBe(401)
  })

  it("the session cookie is HttpOnly and SameSite=Lax", async () => {
    const res = await wharf.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "anna.schmidt@example.com", password: "wharf-demo-1" })
    })
    const session = res.headers.getSetCookie().find((c) => c.startsWith("wharf_session="))!
    expect(session).toMatch(/HttpOnly/)
    expect(session).toMatch(/SameSite=Lax/)
  })

  it("a change made with a session but without its CSRF token is refused", async () => {
    const c = wharf.client()
    await c.signIn("anna.schmidt@example.com", "wharf-demo-1")
    c.dropCsrf()
    const r = await c.trpc.identity.profile.setLocale.mutate({ locale: "en" })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.httpStatus).toBe(403)
  })

  it("signing out ends the session", async () => {
    const c = wharf.client()
    await c.signIn("anna.schmidt@example.com", "wharf-demo-1")
    expect((await c.trpc.identity.session.signOut.mutate()).ok).toBe(true)
    expect((await c.rest("GET", "/me")).status).toBe(401)
    expect(
      (await c.trpc.identity.session.me.query()).ok && (await c.trpc.identity.session.me.query())
    ).toMatchObject({ data: null })
  })

  it("the chosen language is remembered per user", async () => {
    const c = wharf.client()
    await c.signIn("wang.fang@example.com", "wharf-demo-1")
    expect((await c.trpc.identity.profile.setLocale.mutate({ locale: "en" })).ok).toBe(true)
    const again = wharf.client()
    expect((await again.signIn("wang.fang@example.com", "wharf-demo-1")).user.locale).toBe("en")
  })

  it("changing the password needs the current one, and names the field when it is wrong", async () => {
    const c = wharf.client()
    await c.signIn("david.lee@example.com", "wharf-demo-1")
    const wrong = await c.trpc.identity.profile.changePassword.mutate({
      currentPassword: "nope",
      newPassword: "new-password-1"
    })
    expect(!wrong.ok && wrong.error).toMatchObject({
      httpStatus: 400,
      message: "currentPassword: the current password is wrong"
    })
    const ok = await c.trpc.identity.profile.changePassword.mutate({
      currentPassword: "wharf-demo-1",
      newPassword: "new-password-1"
    })
    expect(ok.ok).toBe(true)
    expect((await wharf.client().signIn("david.lee@example.com", "new-password-1")).user.email).toBe(
      "david.lee@example.com"
    )
    await c.trpc.identity.profile.changePassword.mutate({
      currentPassword: "new-password-1",
      newPassword: "wharf-demo-1"
    })
  })

  it("an API token works as a Bearer token on REST routes without CSRF, and stops working when revoked", async () => {
    const c = wharf.client()
    await c.signIn("chen.jie@example.com", "wharf-demo-1")
    const created = await c.trpc.identity.tokens.create.mutate({ name: "cli on laptop" })
    expect(created.ok).toBe(true)
    const token = created.ok ? created.data.token : ""
    expect(token).toMatch(/^wharf_/)

    const cli = wharf.client()
    cli.bearer = token
    const me = await cli.rest("GET", "/me")
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe("chen.jie@example.com")
    // A token is not a browser session: changes need no CSRF token.
    expect((await cli.trpc.identity.profile.update.mutate({ name: "陈杰 (CLI)" })).ok).toBe(true)

    const list = await c.trpc.identity.tokens.list.query()
    expect(list.ok && list.data.map((t: { name: string }) => t.name)).toEqual(["cli on laptop"])
    expect(JSON.stringify(list)).not.toContain(token)
    await c.trpc.identity.tokens.revoke.mutate({ id: created.ok ? created.data.id : "" })
    expect((await cli.rest("GET", "/me")).status).toBe(401)
  })

  it("only admins manage users and groups", async () => {
    const user = wharf.client()
    await user.signIn("li.wei@example.com", "wharf-demo-1")
    for (const [type, path, input] of [
      ["query", "identity.users.list", { limit: 10, offset: 0 }],
      [
        "mutation",
        "identity.users.create",
        { email: "x@example.com", name: "X", password: "password-123", roles: ["admin"] }
      ],
      ["query", "identity.groups.list", { limit: 10, offset: 0 }],
      ["mutation", "identity.groups.create", { name: "mine", description: "" }]
    ] as const) {
      const r = await user.call(type, path, input)
      expect(r.ok, path).toBe(false)
      if (!r.ok) expect(r.error.httpStatus, path).toBe(403)
    }
    const anonymous = wharf.client()
    const r = await anonymous.trpc.identity.users.list.query({ limit: 10, offset: 0 })
    expect(!r.ok && r.error.httpStatus).toBe(401)
  })

  it("an admin creates a user, a group, and adds the user as a member; duplicates are refused", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const u = await admin.trpc.identity.users.create.mutate({
      email: "new.user@example.com",
      name: "新用户",
      password: "password-123",
      roles: ["user"]
    })
    expect(u.ok).toBe(true)
    const dup = await admin.trpc.identity.users.create.mutate({
      email: "NEW.USER@example.com",
      name: "Again",
      password: "password-123",
      roles: ["user"]
    })
    expect(!dup.ok && dup.error).toMatchObject({
      httpStatus: 409,
      message: "A user with email NEW.USER@example.com already exists"
    })

    const g = await admin.trpc.identity.groups.create.mutate({ name: "ml-team", description: "机器学习" })
    expect(g.ok).toBe(true)
    const groupId = g.ok ? g.data.id : ""
    expect(
      (
        await admin.trpc.identity.groups.addMember.mutate({
          groupId,
          email: "new.user@example.com",
          role: "member"
        })
      ).ok
    ).toBe(true)
    const again = await admin.trpc.identity.groups.addMember.mutate({
      groupId,
      email: "new.user@example.com",
      role: "admin"
    })
    expect(!again.ok && again.error.httpStatus).toBe(409)
    const members = await admin.trpc.identity.groups.members.query({ groupId })
    expect(members.ok && members.data).toEqual([
      expect.objectContaining({ email: "new.user@example.com", role: "member" })
    ])

    const newcomer = wharf.client()
    const me = await newcomer.signIn("new.user@example.com", "password-123")
    expect(me.groups).toEqual([expect.objectContaining({ name: "ml-team", role: "member" })])
  })

  it("a disabled user cannot sign in and is signed out everywhere", async () => {
    const admin = wharf.client()
    await admin.signIn()
    const created = await admin.trpc.identity.users.create.mutate({
      email: "leaver@example.com",
      name: "Leaver",
      password: "password-123",
      roles: ["user"]
    })
    const leaver = wharf.client()
    await leaver.signIn("leaver@example.com", "password-123")
    await admin.trpc.identity.users.update.mutate({ id: created.ok ? created.data.id : "", disabled: true })
    expect((await leaver.rest("GET", "/me")).status).toBe(401)
    const again = await wharf
      .client()
      .trpc.identity.session.signIn.mutate({ email: "leaver@example.com", password: "password-123" })
    expect(!again.ok && again.error.httpStatus).toBe(401)
  })

  it("every state-changing call is in the audit log with who did it", async () => {
    const admin = wharf.client()
    await admin.signIn()
    await admin.trpc.identity.groups.create.mutate({ name: "audited", description: "" })
    const rows = await wharf.database.pool<
      { actor_email: string; action: string; detail: { name: string } }[]
    >`
      select actor_email, action, detail from wharf.audit_log where action = 'identity.groups.create' order by id desc limit 1`
    expect(rows[0]).toMatchObject({ actor_email: ADMIN.email, detail: { name: "audited" } })
    const signIns = await wharf.database.pool<{ detail: unknown }[]>`
      select detail from wharf.audit_log where action = 'identity.session.signIn' limit 1`
    expect(JSON.stringify(signIns[0]?.detail)).not.toContain(ADMIN.password)
  })
})
