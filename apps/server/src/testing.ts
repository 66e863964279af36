/**
 * @module Starting a real Wharf server in a test, and a client that behaves like the
 * console: it keeps cookies, sends the CSRF token on changes, and calls tRPC and REST.
 */
import { createHash } from "node:crypto"
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type {
  AnyTRPCProcedure,
  AnyTRPCRouter,
  inferProcedureInput,
  inferTransformedProcedureOutput,
  TRPCRouterRecord
} from "@trpc/server"
import { loadConfig, type WharfPlugin } from "@wharf/core"
import { emptyPglite, type TestBackend, templateFor } from "@wharf/core/testing"
import type { AppCatalogRouter } from "@wharf/plugin-app-catalog/server"
import type { ClustersRouter } from "@wharf/plugin-clusters/server"
import type { HelpdeskRouter } from "@wharf/plugin-helpdesk/server"
import type { IdentityRouter } from "@wharf/plugin-identity/server"
import type { KnowledgeBaseRouter } from "@wharf/plugin-knowledge-base/server"
import type { ManualsRouter } from "@wharf/plugin-manuals/server"
import type { SupportRouter } from "@wharf/plugin-support/server"
import type { TenantsRouter } from "@wharf/plugin-tenants/server"
import { AUDITED_CHANGES_ENV } from "./changes"
import { createWharf, type Wharf } from "./host"

export const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

/** The demo cluster at four times its speed: suites wait for what it does, not for its clock. */
export const FAST_DEMO_CLUSTER = { WHARF_KUBE_SIM_TICK_MS: "50", WHARF_KUBE_SIM_TIME_SCALE: "0.25" }

/**
 * Polls `fn` until it gives a truthy value (returned) or `ms` pass: a reconciler or a cluster
 * gets there in its own time. A throw counts as "not yet".
 */
export const waitFor = async <T>(
  fn: () => Promise<T | undefined | false>,
  what: string,
  ms = 20_000,
  everyMs = 50
): Promise<T> => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const v = await fn().catch(() => undefined)
    if (v) return v
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`timed out waiting for ${what}`)
}

export interface StreamEvent {
  readonly event: string
  readonly data: unknown
}

/**
 * Reads a response's Server-Sent Events as they come: `until(done)` reads on until `done`
 * holds for the events read so far (or the stream ends) and returns them; `cancel` stops.
 */
export const eventReader = (res: Response) => {
  const events: StreamEvent[] = []
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ""
  const until = async (done: (events: ReadonlyArray<StreamEvent>) => boolean) => {
    while (!done(events)) {
      const { value, done: ended } = await reader.read()
      if (ended) break
      buffer += decoder.decode(value, { stream: true })
      let cut = buffer.indexOf("\n\n")
      while (cut >= 0) {
        const block = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event && data) events.push({ event, data: JSON.parse(data) })
        cut = buffer.indexOf("\n\n")
      }
    }
    return events
  }
  return { until, cancel: () => reader.cancel() }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

export interface TestWharf extends Wharf {
  readonly dataDir: string
  readonly databaseUrl: string
  readonly client: () => TestClient
  /** Stop this server and drop its database. */
  readonly stop: () => Promise<void>
}

interface StartOptions {
  backend: TestBackend
  /** The enabled plugins (default: Wharf's own). */
  plugins?: ReadonlyArray<string>
  /** Plugins in memory (a test's own); configuration's ids found here are not loaded from packages. */
  available?: ReadonlyArray<WharfPlugin>
  /** Reuse the database of another test server (a second replica). */
  databaseUrl?: string
  demo?: boolean
  jobs?: boolean
  env?: Record<string, string>
}

const boot = (options: StartOptions, dataDir: string, databaseUrl: string | undefined, jobs: boolean) => {
  const config = loadConfig({
    env: {
      WHARF_DATA_DIR: dataDir,
      WHARF_ADMIN_EMAIL: ADMIN.email,
      WHARF_ADMIN_PASSWORD: ADMIN.password,
      WHARF_DEMO: options.demo ? "1" : "0",
      WHARF_LOG: "silent",
      PORT: "0",
      ...FAST_DEMO_CLUSTER,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      // A second replica on another server's PGlite must use one connection, like its owner.
      ...(options.databaseUrl && options.backend.name === "pglite" ? { WHARF_DB_POOL_SIZE: "1" } : {}),
      ...(options.plugins ? { WHARF_PLUGINS: options.plugins.join(",") } : {}),
      ...options.env
    },
    cwd: dataDir
  })
  return createWharf({ config, available: options.available, jobs })
}

/** Settings that change how a server runs, not what its database holds: a template serves any value. */
const RUNTIME_SETTINGS = new Set([
  "SMTP_URL",
  "MAIL_FROM",
  "WHARF_APP_LEASE_SECONDS",
  "WHARF_NODE_METRICS_SECONDS",
  "WHARF_METRICS_INTERVAL",
  "PROMETHEUS_URL"
])

/** What makes two suites' fresh databases the same: the plugins, their migrations, the demo, settings. */
const templateKey = (options: StartOptions) => ({
  available: (options.available ?? []).map((p) => [
    p.id,
    (p.migrations ?? []).map((m) => createHash("sha256").update(m.sql).digest("hex"))
  ]),
  plugins: options.plugins ?? null,
  demo: options.demo ?? false,
  env: Object.entries(options.env ?? {}).filter(([name]) => !RUNTIME_SETTINGS.has(name))
})

const copyEmptyPglite = async (backend: TestBackend, dataDir: string) => {
  const empty = backend.name === "pglite" ? await emptyPglite() : null
  if (empty) cpSync(empty.dir, dataDir, { recursive: true })
}

/** A fresh database and data directory: copied from this run's migrated template when there is one. */
const freshDatabase = async (options: StartOptions, dataDir: string) => {
  const template = await templateFor(options.backend, templateKey(options), async (dir, url) => {
    await copyEmptyPglite(options.backend, dir)
    const wharf = await boot(options, dir, url, false)
    await wharf.close()
  })
  if (!template) {
    await copyEmptyPglite(options.backend, dataDir)
    return options.backend.create()
  }
  cpSync(template.dir, dataDir, { recursive: true })
  return options.backend.create(template.database)
}

export const startTestWharf = async (options: StartOptions): Promise<TestWharf> => {
  // Request logs would bury the test report.
  process.env.WHARF_LOG ??= "silent"
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-test-"))
  let created: { readonly url: string | undefined; readonly drop: () => Promise<void> } | undefined
  let wharf: Wharf
  try {
    created = options.databaseUrl
      ? { url: options.databaseUrl, drop: async () => {} }
      : await freshDatabase(options, dataDir)
    wharf = await boot(options, dataDir, created.url, options.jobs ?? false)
  } catch (e) {
    // A start that fails (a suite proving it does) leaves no folder or database behind.
    await created?.drop().catch(() => {})
    rmSync(dataDir, { recursive: true, force: true })
    throw e
  }
  const dropDatabase = created.drop
  return {
    ...wharf,
    dataDir,
    databaseUrl: wharf.database.url,
    client: () => new TestClient(wharf),
    stop: async () => {
      await wharf.close()
      await dropDatabase()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

export interface TrpcFailure {
  readonly code: string
  readonly httpStatus: number
  readonly message: string
}

export type TrpcResult<T> = { ok: true; data: T } | { ok: false; error: TrpcFailure }

type Call<TRouter extends AnyTRPCRouter, P extends AnyTRPCProcedure> = (
  ...input: undefined extends inferProcedureInput<P>
    ? [input?: inferProcedureInput<P>]
    : [input: inferProcedureInput<P>]
) => Promise<TrpcResult<inferTransformedProcedureOutput<TRouter, P>>>

/**
 * A plugin's procedures as the test calls them, over HTTP like the console: a renamed
 * procedure or a wrong input fails `tsc`. Input a test sends on purpose wrong is cast `as never`.
 */
export type PluginCaller<TRouter extends AnyTRPCRouter, TRecord = TRouter["_def"]["record"]> = {
  readonly [K in keyof TRecord]: TRecord[K] extends AnyTRPCProcedure
    ? TRecord[K]["_def"]["type"] extends "query"
      ? { readonly query: Call<TRouter, TRecord[K]> }
      : { readonly mutate: Call<TRouter, TRecord[K]> }
    : TRecord[K] extends TRPCRouterRecord
      ? PluginCaller<TRouter, TRecord[K]>
      : never
}

/** The routers of the plugins this build ships, by plugin id. */
export interface WharfRouters {
  readonly identity: IdentityRouter
  readonly helpdesk: HelpdeskRouter
  readonly "knowledge-base": KnowledgeBaseRouter
  readonly manuals: ManualsRouter
  readonly support: SupportRouter
  readonly clusters: ClustersRouter
  readonly tenants: TenantsRouter
  readonly "app-catalog": AppCatalogRouter
}

export type WharfCaller = { readonly [Id in keyof WharfRouters]: PluginCaller<WharfRouters[Id]> }

export class TestClient {
  private cookies = new Map<string, string>()
  bearer: string | undefined
  /** The socket address this client connects from (the server's client-IP helper reads it). */
  ip = "127.0.0.1"

  constructor(private readonly wharf: Wharf) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra }
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ")
    const csrf = this.cookies.get("wharf_csrf")
    if (csrf) h["x-csrf-token"] = csrf
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`
    return h
  }

  private keepCookies(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";")
      const [name, ...rest] = pair!.split("=")
      const value = rest.join("=")
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value)
    }
  }

  /** Forget the CSRF token while keeping the session: what a forged cross-site request has. */
  dropCsrf() {
    this.cookies.delete("wharf_csrf")
  }

  cookie(name: string) {
    return this.cookies.get(name)
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.wharf.app.request(
      path,
      {
        method,
        headers: this.headers({
          ...(method === "GET" ? {} : { "content-type": "application/json" }),
          ...headers
        }),
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) })
      },
      { incoming: { socket: { remoteAddress: this.ip } } }
    )
    this.keepCookies(res)
    await this.checkAudited(method, path, res)
    return res
  }

  /**
   * Every change a test makes is also a check of the audit log: a tRPC mutation or REST change
   * the server accepted has exactly one row, for its request, naming the procedure (or the
   * route, under its plugin). So each suite proves it for every change it makes.
   */
  private async checkAudited(method: string, path: string, res: Response) {
    if (SAFE_METHODS.has(method) || res.status >= 400) return
    const [route] = path.split("?")
    const procedure = route!.startsWith("/trpc/") ? route!.slice("/trpc/".length) : undefined
    if (procedure === undefined && !route!.startsWith("/api/v1/")) return
    // A batch (a hostile sweep's) has one row per call, all for the one request.
    if (procedure?.includes(",") || path.includes("batch=1")) return
    const requestId = res.headers.get("x-request-id")
    const rows = await this.wharf.database.pool<{ action: string }[]>`
      select action from wharf.audit_log where request_id = ${requestId}`
    const expected = procedure ?? `<plugin>:${method} <route>`
    const named = (action: string) =>
      procedure ? action === procedure : new RegExp(`^[a-z0-9-]+:${method} /`).test(action)
    if (rows.length !== 1 || !named(rows[0]!.action)) {
      throw new Error(
        `${method} ${route} answered ${res.status} and wrote ${JSON.stringify(rows.map((r) => r.action))} to the audit log; expected one row, ${expected}`
      )
    }
    const seen = process.env[AUDITED_CHANGES_ENV]
    if (seen) appendFileSync(join(seen, `${process.pid}.txt`), `${rows[0]!.action}\n`)
  }

  async rest<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await this.request(method, `/api/v1${path}`, body)
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
  }

  /**
   * Call a tRPC procedure named by its path, untyped: for sweeps over every procedure.
   * Tests call procedures through `trpc` (or `api`) instead.
   */
  async call<T = unknown>(type: "query" | "mutation", path: string, input?: unknown): Promise<TrpcResult<T>> {
    const res =
      type === "query"
        ? await this.request(
            "GET",
            `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
          )
        : await this.request("POST", `/trpc/${path}`, input === undefined ? undefined : input)
    const json = (await res.json()) as {
      result?: { data: T }
      error?: { message: string; data: { code: string; httpStatus: number } }
    }
    if (json.error)
      return {
        ok: false,
        error: {
          code: json.error.data.code,
          httpStatus: json.error.data.httpStatus,
          message: json.error.message
        }
      }
    return { ok: true, data: json.result!.data }
  }

  /** The procedures of a plugin this build does not ship (a test fixture's), typed by its router. */
  api<TRouter extends AnyTRPCRouter>(pluginId: string): PluginCaller<TRouter> {
    const at = (path: ReadonlyArray<string>): unknown =>
      new Proxy(
        {},
        {
          get: (_, key) => {
            if (typeof key !== "string" || key === "then") return undefined
            if (key === "query" || key === "mutate") {
              return (input?: unknown) =>
                this.call(key === "query" ? "query" : "mutation", path.join("."), input)
            }
            return at([...path, key])
          }
        }
      )
    return at([pluginId]) as PluginCaller<TRouter>
  }

  /** Every shipped plugin's procedures: `client.trpc.helpdesk.tickets.options.query()`. */
  get trpc(): WharfCaller {
    return new Proxy({} as WharfCaller, {
      get: (_, id) => (typeof id === "string" ? this.api(id) : undefined)
    })
  }

  async signIn(email = ADMIN.email, password = ADMIN.password) {
    const result = await this.trpc.identity.session.signIn.mutate({ email, password })
    if (!result.ok) throw new Error(`sign-in of ${email} failed: ${result.error.message}`)
    return result.data
  }
}
