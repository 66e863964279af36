/**
 * The hostile-input suite: every REST route (from the OpenAPI document) and every tRPC
 * procedure (from the routers) of every enabled plugin, called by each role with the inputs
 * a hostile client sends (see `inputs.ts`). It fails on any 5xx, on any stack trace or
 * database text in a response, and on any row written by a procedure or route whose every
 * call was refused. Because it walks what the server declares, a new route is covered the
 * day it is added.
 */

import type { AnyTRPCProcedure } from "@trpc/server"
import { schemaOfInput } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestWharf, type TestClient, type TestWharf } from "../testing"
import {
  type Definitions,
  encodeHostile,
  hostileInputs,
  hostileSegments,
  hostileStrings,
  type JsonSchema
} from "./inputs"

/** Text that must never reach a client: stack frames, runtime errors, PostgreSQL's messages. */
const leaks = [
  /\bat .+\.(ts|js|mjs):\d+/,
  /\b(TypeError|ReferenceError|URIError|RangeError|SyntaxError)\b/,
  /Invalid time value/,
  /invalid input syntax for/,
  /out of range for type/,
  /violates .* constraint/,
  /duplicate key value/,
  /relation "[^"]+"/,
  /column "[^"]+"/,
  /syntax error at or near/,
  /invalid byte sequence/,
  /unsupported Unicode escape/
]

/** Tables a refused call may legitimately write: failed sign-ins are counted. The audit log is not one. */
const mayGrowOnRefusal = new Set(["identity.guesses", "identity.sessions", "wharf.jobs"])

interface Finding {
  readonly what: string
  readonly input: string
  readonly role: string
  readonly status: number
  readonly body: string
}

const roles = [
  { name: "anonymous" },
  { name: "customer", email: "li.wei@example.com" },
  { name: "other customer", email: "zhang.min@example.com" },
  { name: "agent", email: "wang.fang@example.com" },
  { name: "admin" }
] as const

/** Calls that end the caller's own session: swept by anonymous only, so the others stay signed in. */
const endsSession = new Set(["identity.session.signOut", "identity.me.changePassword"])

/** Requests in flight at once: a sweep's calls do not depend on each other, and a server that
 * answers several at a time is also what a hostile client meets. */
const IN_FLIGHT = 6

/** Run `calls`, at most `IN_FLIGHT` at a time; their results in their order. */
const inFlight = async <T>(calls: ReadonlyArray<() => Promise<T>>): Promise<T[]> => {
  const results: T[] = new Array(calls.length)
  let next = 0
  const worker = async () => {
    while (next < calls.length) {
      const i = next++
      results[i] = await calls[i]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, calls.length) }, worker))
  return results
}

describe.each(testBackends())("hostile input on $name", (backend) => {
  let wharf: TestWharf
  const clients = new Map<string, TestClient>()
  const findings: Finding[] = []
  const totals = {
    routes: 0,
    procedures: 0,
    requests: 0,
    serverErrors: 0,
    leaks: 0,
    writes: 0,
    impossibleDates: 0,
    acceptedDates: 0,
    audited: 0,
    auditMismatches: 0
  }

  const lastAuditId = async () =>
    (
      await wharf.database.pool<
        { id: string }[]
      >`select coalesce(max(id), 0)::text as id from wharf.audit_log`
    )[0]!.id

  /** Rows per table, for the tables a refused call must leave alone. */
  const rowCounts = async () => {
    const tables = await wharf.database.pool<{ name: string }[]>`
      select table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`
    const counted = tables.map((t) => t.name).filter((n) => !mayGrowOnRefusal.has(n))
    const sql = counted.map((n) => `select '${n}' as name, count(*)::int as n from ${n}`).join(" union all ")
    const rows = await wharf.database.pool.unsafe<{ name: string; n: number }[]>(sql)
    return new Map(rows.map((r) => [r.name, r.n]))
  }

  /**
   * `mustRefuse`: an impossible date in a date field, which must be refused (4xx), and when
   * refused as bad input, because of the date, before the database could shift it.
   */
  const judge = async (what: string, input: string, role: string, res: Response, mustRefuse = false) => {
    totals.requests++
    const body = await res.text()
    if (mustRefuse) totals.impossibleDates++
    if (mustRefuse && (res.status < 400 || (res.status === 400 && !body.includes("must be a real date")))) {
      totals.acceptedDates++
      findings.push({
        what,
        input,
        role,
        status: res.status,
        body: `not refused as a date: ${body.slice(0, 300)}`
      })
    } else if (res.status >= 500) {
      totals.serverErrors++
      findings.push({ what, input, role, status: res.status, body: body.slice(0, 300) })
    } else if (leaks.some((re) => re.test(body))) {
      totals.leaks++
      findings.push({ what, input, role, status: res.status, body: body.slice(0, 300) })
    }
    return res.status
  }

  /** Sweep one route or procedure; a refused sweep must not have written a row. */
  const sweep = async (what: string, calls: () => Promise<ReadonlyArray<number>>) => {
    const before = await rowCounts()
    const statuses = await calls()
    if (statuses.some((s) => s < 400)) return
    const after = await rowCounts()
    for (const [table, n] of after) {
      if (n !== (before.get(table) ?? 0)) {
        totals.writes++
        findings.push({
          what,
          input: "(all refused)",
          role: "-",
          status: 0,
          body: `${table}: ${before.get(table)} → ${n}`
        })
      }
    }
  }

  beforeAll(async () => {
    wharf = await startTestWharf({ backend, demo: true })
    for (const role of roles) {
      const client = wharf.client()
      if (role.name === "admin") await client.signIn()
      else if ("email" in role) await client.signIn(role.email, "wharf-demo-1")
      clients.set(role.name, client)
    }
  }, 240_000)
  afterAll(async () => {
    console.log(
      `hostile input on ${backend.name}: ${totals.routes} routes, ${totals.procedures} procedures, ` +
        `${totals.requests} requests, 5xx = ${totals.serverErrors}, leaked text = ${totals.leaks}, ` +
        `refused writes = ${totals.writes}, impossible dates = ${totals.impossibleDates} (accepted ${totals.acceptedDates}), ` +
        `accepted mutations = ${totals.audited} (audit rows not one each: ${totals.auditMismatches})`
    )
    await wharf?.stop()
  })

  it("no REST route answers 5xx, leaks server text or writes when it refuses", async () => {
    findings.length = 0
    const doc = (await (await wharf.client().request("GET", "/api/v1/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; requestBody?: any }>
      >
      components: { schemas: Definitions }
    }
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        totals.routes++
        const what = `${method.toUpperCase()} ${path}`
        const params = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name)
        const query = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name)
        const bodySchema = op.requestBody?.content?.["application/json"]?.schema as JsonSchema | undefined
        const bodies = bodySchema ? hostileInputs(bodySchema, doc.components.schemas) : [undefined]
        const urlWith = (segment: string) => path.replace(/\{[^}]+\}/g, segment)
        await sweep(what, () => {
          const calls: Array<() => Promise<number>> = []
          for (const role of roles) {
            const client = clients.get(role.name)!
            const send = (label: string, url: string, body?: unknown, mustRefuse = false) =>
              calls.push(async () =>
                judge(
                  what,
                  label,
                  role.name,
                  await client.request(method.toUpperCase(), url, body),
                  mustRefuse
                )
              )
            for (const segment of params.length ? hostileSegments : []) send(segment, urlWith(segment))
            for (const name of query)
              for (const v of hostileStrings)
                send(`?${name}=${JSON.stringify(v)}`, `${urlWith("x")}?${name}=${encodeHostile(v)}`)
            // The full sweep of bodies by the roles that get past authorization; the others once.
            const swept = role.name === "admin" || role.name === "customer" ? bodies : bodies.slice(0, 1)
            for (const b of swept) send(b?.label ?? "no body", urlWith("x"), b?.value, b?.mustRefuse)
          }
          return inFlight(calls)
        })
      }
    }
    expect(findings).toEqual([])
  }, 600_000)

  it("no tRPC procedure answers 5xx, leaks server text or writes when it refuses", async () => {
    findings.length = 0
    for (const plugin of wharf.plugins) {
      const procedures = (plugin.router?._def.procedures ?? {}) as Record<string, AnyTRPCProcedure>
      for (const [name, procedure] of Object.entries(procedures)) {
        totals.procedures++
        const path = `${plugin.id}.${name}`
        const def = procedure._def as { type: "query" | "mutation" | "subscription"; inputs: unknown[] }
        if (def.type === "subscription") continue
        const schema = schemaOfInput(def.inputs[0])
        const doc = schema ? Schema.toJsonSchemaDocument(schema) : undefined
        const inputs = doc
          ? hostileInputs(doc.schema as JsonSchema, doc.definitions as Definitions)
          : [{ label: "no input", value: undefined }]
        const auditedBefore = await lastAuditId()
        let accepted = 0
        await sweep(path, () => {
          const calls: Array<() => Promise<number>> = []
          for (const role of roles) {
            if (endsSession.has(path) && role.name !== "anonymous") continue
            const client = clients.get(role.name)!
            const swept = role.name === "admin" || role.name === "customer" ? inputs : inputs.slice(0, 1)
            for (const input of swept)
              calls.push(async () => {
                const res =
                  def.type === "query"
                    ? await client.request(
                        "GET",
                        `/trpc/${path}${input.value === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input.value))}`}`
                      )
                    : await client.request(
                        "POST",
                        `/trpc/${path}`,
                        input.value === undefined ? undefined : input.value
                      )
                const status = await judge(
                  path,
                  input.label,
                  role.name,
                  res,
                  "mustRefuse" in input && input.mustRefuse
                )
                if (status < 400) accepted++
                return status
              })
          }
          return inFlight(calls)
        })
        // Every accepted change is recorded once under its procedure (so its plugin), lone
        // surrogates and NULs included; a refused one is not.
        if (def.type === "mutation") {
          const [row] = await wharf.database.pool<{ n: number }[]>`
            select count(*)::int as n from wharf.audit_log where id > ${auditedBefore} and action = ${path}`
          totals.audited += accepted
          if (row!.n !== accepted) {
            totals.auditMismatches++
            findings.push({
              what: path,
              input: "(the sweep)",
              role: "-",
              status: 0,
              body: `${accepted} calls accepted, ${row!.n} audit rows`
            })
          }
        }
      }
    }
    expect(findings).toEqual([])
  }, 900_000)
})
