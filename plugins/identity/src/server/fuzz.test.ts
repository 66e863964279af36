import { testBackends } from "@wharf/core/testing"
import { startTestWharf, type TestWharf } from "@wharf/server/testing"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { identityRouter } from "./router"

// Every identity procedure, called by an admin with arbitrary JSON, answers with a
// client error that has a message: never a server error.
const procedures = Object.entries(
  identityRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>
)
  .map(([path, p]) => ({ path: `identity.${path}`, type: p._def.type }))
  // Signing out would end the admin's session half-way through the run.
  .filter((p) => p.path !== "identity.session.signOut")

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.anything(),
  fc.record({ email: fc.anything(), password: fc.anything() }),
  fc.record({
    id: fc.oneof(fc.string(), fc.integer(), fc.uuid()),
    name: fc.anything(),
    roles: fc.anything()
  }),
  fc.record({ limit: fc.anything(), offset: fc.anything(), search: fc.anything() }),
  fc.record({
    groupId: fc.oneof(fc.uuid(), fc.string()),
    email: fc.string(),
    role: fc.string(),
    userId: fc.anything()
  }),
  fc.record({
    locale: fc.string(),
    name: fc.string({ maxLength: 300 }),
    description: fc.string({ maxLength: 600 })
  }),
  // Text PostgreSQL cannot store: a NUL character in otherwise valid input.
  fc.record({
    name: fc.constantFrom("nul\u0000name", "ok-name"),
    description: fc.constant("描述\u0000"),
    email: fc.constant("nul\u0000@example.com"),
    password: fc.constant("password-123"),
    roles: fc.constant(["user"])
  })
)

describe.each(testBackends())("identity procedures under fuzzed input on $name", (backend) => {
  let wharf: TestWharf
  beforeAll(async () => {
    wharf = await startTestWharf({ backend, plugins: ["identity"] })
  })
  afterAll(() => wharf?.stop())

  it("answer 4xx with a message, never 500", async () => {
    const admin = wharf.client()
    await admin.signIn()
    expect(procedures.length).toBeGreaterThan(15)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...procedures), junk, async (proc, input) => {
        const r = await admin.call(proc.type, proc.path, input)
        if (r.ok) return
        expect(r.error.httpStatus, `${proc.path} ${JSON.stringify(input)}`).toBeGreaterThanOrEqual(400)
        expect(r.error.httpStatus, `${proc.path} ${JSON.stringify(input)}: ${r.error.message}`).toBeLessThan(
          500
        )
        expect(r.error.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 400, seed: 20261123 }
    )
  })

  it("REST routes answer 400 with the field named for malformed bodies", async () => {
    const c = wharf.client()
    for (const body of ["{not json", "[]", '{"email": 5}', '{"email":"a@b.co"}', "null"]) {
      const r = await c.request("POST", "/api/v1/auth/login", body)
      expect(r.status, body).toBe(400)
      const json = (await r.json()) as { error: { code: string; message: string } }
      expect(json.error.code).toBe("Invalid")
      expect(json.error.message.length).toBeGreaterThan(5)
    }
  })
})
