/**
 * @module The HTTP surface of one Wharf server: health, the plugin list, the OpenAPI
 * document, each plugin's REST routes under /api/v1, tRPC under /trpc, and the console.
 */
import { randomUUID } from "node:crypto"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { serveStatic } from "@hono/node-server/serve-static"
import { trpcServer } from "@hono/trpc-server"
import type { AnyTRPCRouter } from "@trpc/server"
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc"
import {
  type Authentication,
  type Credentials,
  CSRF_HEADER,
  type EdgeAudit,
  errorResponse,
  Forbidden,
  httpStatusOf,
  isWharfError,
  log,
  type OpenedDatabase,
  type PluginInfo,
  type RunEffect,
  trpcCodeOf,
  type Viewer,
  type WharfConfigShape,
  type WharfEnv,
  type WharfError,
  type WharfPlugin
} from "@wharf/core"
import { type Context, Hono, type Next } from "hono"
import { getCookie } from "hono/cookie"
import { restChangeAction } from "./changes"
import { consoleAssets } from "./console-assets"
import { consolePage } from "./console-page"
import { clientIp, jsonBodyLimit, jsonOnly, sameOrigin, securityHeaders, trpcBatchCap } from "./guards"
import { openApiDocument } from "./openapi"

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

interface HttpOptions {
  config: WharfConfigShape
  plugins: ReadonlyArray<WharfPlugin>
  database: OpenedDatabase
  router: AnyTRPCRouter
  consoleDir: string | undefined
  authenticate: (credentials: Credentials) => Promise<Authentication | null>
  run: (viewer: Viewer | null) => RunEffect
  /** Begins a change's audit record (core's `Audit.change`): written in its first committed transaction. */
  audit: EdgeAudit
  /** The tus endpoint (core's Uploads service). */
  uploads?: (request: Request, viewer: Viewer | null) => Promise<Response>
}

/** A caller's request id is kept when it is a plain token: it goes into logs and the audit log. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Every request gets an id (the caller's or a new one), echoed back and logged with its time. */
const requestLog = async (c: Context<WharfEnv>, next: Next) => {
  const started = performance.now()
  const given = c.req.header("x-request-id")
  const requestId = given && CALLER_REQUEST_ID.test(given) ? given : randomUUID()
  c.set("requestId", requestId)
  await next()
  // Set on the response's own headers: `c.header` on a finished response copies it into a
  // new one whose body is a stream, and @hono/node-server then pipes every JSON answer
  // through a ReadableStream instead of writing its string (measured: ~7% of the
  // server's CPU under the ticket-list benchmark). Some responses (fetch results) have
  // immutable headers; those take the copying path.
  try {
    c.res.headers.set("x-request-id", requestId)
  } catch {
    c.header("x-request-id", requestId)
  }
  const path = c.req.path
  if (path !== "/healthz" && path !== "/readyz" && !path.startsWith("/assets/")) {
    log("INFO", "request", {
      requestId,
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10
    })
  }
}

/** Liveness answers at once; readiness asks the database (the migrations table) first. */
const healthRoutes = (app: Hono<WharfEnv>, database: OpenedDatabase) => {
  app.get("/healthz", (c) => c.json({ status: "ok" }))
  app.get("/readyz", async (c) => {
    try {
      await database.pool`select 1 from wharf.migrations limit 1`
      return c.json({ status: "ready", database: database.kind })
    } catch (e) {
      return c.json({ status: "unavailable", reason: (e as Error).message }, 503)
    }
  })
}

/**
 * Who is asking, for /api and /trpc; a change made with a session cookie needs the
 * session's CSRF token in a header (an API token is not sent by browsers on their own).
 */
const authenticateRequests = (options: Pick<HttpOptions, "config" | "authenticate" | "run">) => {
  const checkOrigin = sameOrigin(options.config)
  return async (c: Context<WharfEnv>, next: Next) => {
    let auth: Authentication | null
    try {
      auth = await options.authenticate({
        cookie: c.req.header("cookie"),
        authorization: c.req.header("authorization")
      })
    } catch (e) {
      // Wharf stopping (or the database gone) while the session is read: the caller may retry.
      if (isWharfError(e)) return refuse(c, e)
      throw e
    }
    const foreign = checkOrigin(c, auth)
    if (foreign) return foreign
    c.set("auth", auth)
    c.set("run", options.run(auth?.viewer ?? null))
    if (
      auth?.via === "session" &&
      !SAFE_METHODS.has(c.req.method) &&
      c.req.header(CSRF_HEADER) !== auth.csrfToken
    ) {
      return refuse(
        c,
        new Forbidden({
          message: "The request is missing this session's CSRF token; reload the page and try again"
        })
      )
    }
    await next()
  }
}

/** An error answered before the request reaches its route: tRPC clients read tRPC's shape; REST clients ours. */
const refuse = (c: Context<WharfEnv>, e: WharfError) => {
  if (!c.req.path.startsWith("/trpc/")) return errorResponse(c, e)
  const status = httpStatusOf[e._tag]
  const code = trpcCodeOf[e._tag]
  return c.json(
    {
      error: {
        message: e.message,
        code: TRPC_ERROR_CODES_BY_KEY[code],
        data: { code, httpStatus: status }
      }
    },
    status
  )
}

/**
 * Resumable uploads: the tus server answers the raw request (HEAD stays HEAD), for the
 * viewer found above; browsers send the CSRF token like any other change.
 */
const mountUploads = (
  app: Hono<WharfEnv>,
  uploads: NonNullable<HttpOptions["uploads"]>,
  authenticate: ReturnType<typeof authenticateRequests>
) => {
  const tus = (c: Context<WharfEnv>) => uploads(c.req.raw, c.var.auth?.viewer ?? null)
  app.use("/uploads", authenticate)
  app.use("/uploads/*", authenticate)
  app.all("/uploads", tus)
  app.all("/uploads/*", tus)
}

/** What a tRPC procedure knows of its request: the viewer found above, and how to run and audit. */
const trpcContext = (audit: HttpOptions["audit"]) => (opts: { resHeaders: Headers }, c: Context) => {
  const ctx = c as unknown as Context<WharfEnv>
  const auth = ctx.var.auth
  return {
    auth,
    viewer: auth?.viewer ?? null,
    run: ctx.var.run,
    resHeaders: opts.resHeaders,
    cookie: ctx.req.header("cookie"),
    ip: ctx.var.clientIp,
    userAgent: ctx.req.header("user-agent") ?? "",
    requestId: ctx.var.requestId,
    audit
  }
}

/**
 * The built console: its hashed assets, and its page for every other path, carrying the
 * enabled plugins and who is signed in; without a build, a line saying so.
 */
const serveConsole = (
  app: Hono<WharfEnv>,
  options: Pick<HttpOptions, "consoleDir" | "authenticate">,
  pluginList: ReadonlyArray<PluginInfo>
) => {
  // Who the console's page is for: a browser session only (as identity.session.me answers).
  // When that cannot be told, the page says nothing and the console asks, as without it.
  const sessionOf = async (cookie: string | undefined) => {
    try {
      const auth = await options.authenticate({ cookie, authorization: undefined })
      return { viewer: auth?.via === "session" ? auth.viewer : null }
    } catch {
      return undefined
    }
  }
  const consoleDir = options.consoleDir
  if (consoleDir && existsSync(join(consoleDir, "index.html"))) {
    const page = consolePage(consoleDir, pluginList)
    // Hashed asset names never change content: browsers keep them for a year, the server
    // in memory. A file written after the start (a build into the same folder) still gets
    // served, from disk.
    const assets = consoleAssets(consoleDir)
    app.get("/assets/*", (c, next) => assets(c.req.path, c.req.header("accept-encoding")) ?? next())
    app.use("/assets/*", async (c, next) => {
      await next()
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable")
    })
    app.use("/assets/*", serveStatic({ root: consoleDir, precompressed: true }))
    app.get("*", async (c) => {
      // The page carries who is signed in: no cache may keep it, nor give it to another
      // person (and a new release is picked up at once).
      c.header("Cache-Control", "private, no-store")
      c.header("Vary", "Cookie")
      return c.html(page(c.req.path, await sessionOf(c.req.header("cookie"))))
    })
  } else {
    app.get("/", (c) => c.text("Wharf API is running; the console is not built (run `pnpm build`).", 200))
  }
}

export const createHttpApp = (options: HttpOptions) => {
  const { plugins, database } = options
  const app = new Hono<WharfEnv>()
  app.use("*", securityHeaders(options.config))
  app.use("*", clientIp(options.config))

  app.use("*", requestLog)

  healthRoutes(app, database)

  const authenticate = authenticateRequests(options)
  // Uploads (tus) have their own size limits and content type; everything else is JSON.
  for (const path of ["/api/*", "/trpc/*"]) {
    app.use(path, jsonBodyLimit(options.config))
    app.use(path, jsonOnly)
    app.use(path, authenticate)
  }
  app.use("/trpc/*", trpcBatchCap)

  if (options.uploads) mountUploads(app, options.uploads, authenticate)

  const pluginList: ReadonlyArray<PluginInfo> = plugins.map((p) => ({
    id: p.id,
    version: p.version,
    description: p.description ?? null,
    dependsOn: p.dependsOn ?? []
  }))
  const api = new Hono<WharfEnv>()
  api.get("/plugins", (c) => c.json({ plugins: pluginList }))
  api.get("/openapi.json", (c) => c.json(openApiDocument(plugins, options.config.publicUrl)))
  // REST changes are audited here, like tRPC mutations, so no route can forget: once, under
  // the plugin whose route answered.
  const owners = new Map(plugins.flatMap((p) => (p.routes ? [[p.routes, p.id] as const] : [])))
  api.use("*", async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    // Read when the row is written, by then the route that answered is known.
    const change = options.audit(() => {
      const answered = c.var.operation
      const owner = answered && owners.get(answered.routes)
      return owner
        ? {
            action: restChangeAction(owner, c.req.method, answered.operation.path),
            detail: { path: c.req.path },
            viewer: c.var.auth?.viewer ?? null,
            requestId: c.var.requestId,
            ip: c.var.clientIp
          }
        : null
    })
    const run = c.var.run
    c.set("run", (effect) => run(change.within(effect)))
    await next()
    await change.end(c.res.status < 400)
  })
  for (const p of plugins) if (p.routes) api.route("/", p.routes.app)
  api.all("*", (c) =>
    c.json({ error: { code: "NotFound", message: `No API route ${c.req.method} ${c.req.path}` } }, 404)
  )
  app.route("/api/v1", api)

  app.use(
    "/trpc/*",
    trpcServer({
      router: options.router,
      endpoint: "/trpc",
      createContext: trpcContext(options.audit)
    })
  )

  serveConsole(app, options, pluginList)
  return app
}

export { getCookie }
