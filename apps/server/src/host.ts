/**
 * @module Assembling a Wharf server from configuration and the plugins this build knows:
 * open the database, migrate, build one Effect runtime with every enabled plugin's
 * services, mount their procedures and routes, start their jobs.
 */
import type { IncomingMessage } from "node:http"
import type { Duplex } from "node:stream"
import { trpcServer } from "@hono/trpc-server"
import {
  Audit,
  Authenticator,
  type Credentials,
  Db,
  type EdgeAudit,
  Events,
  Extensions,
  expireUploadsJob,
  forgetIdempotencyKeysJob,
  type InboundSmtp,
  type InternalError,
  inboundMailHandlers,
  type JobDefinition,
  Jobs,
  jsonLoggerLayer,
  log,
  Mailer,
  makeDb,
  makeExtensions,
  makeRun,
  nobodyAuthenticator,
  type OpenedDatabase,
  openEmbeddedDatabase,
  openServerDatabase,
  pruneEventsJob,
  readMigrations,
  receiveMail,
  resolvePlugins,
  router,
  runMigrations,
  Secrets,
  startInboundSmtp,
  Uploads,
  uploadsLayer,
  type Viewer,
  WharfConfig,
  type WharfConfigShape,
  type WharfEnv,
  type WharfPlugin
} from "@wharf/core"
import { Effect, Exit, Layer, ManagedRuntime, Option, Scope } from "effect"
import type { Hono } from "hono"
import { createHttpApp } from "./http"
import { loadPlugins } from "./plugins"
import { createUpgradeHandler } from "./sockets"

export interface Wharf {
  readonly app: Hono<WharfEnv>
  readonly plugins: ReadonlyArray<WharfPlugin>
  readonly database: OpenedDatabase
  readonly runtime: ManagedRuntime.ManagedRuntime<any, any>
  /** WebSocket upgrades for the plugins' endpoints: `server.on("upgrade", wharf.upgrade)`. */
  readonly upgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void
  /** Where replies to Wharf's mails are received, when `WHARF_INBOUND_SMTP_PORT` is set. */
  readonly inboundSmtp: InboundSmtp | null
  /** Stop jobs, close the runtime and the database. */
  readonly close: () => Promise<void>
}

const coreMigrations = readMigrations(new URL("../../../core/migrations/", import.meta.url))

/** Apply `effect` and log why it failed, as a start-up error with a readable line. */
const runOrThrow = async <A>(
  runtime: ManagedRuntime.ManagedRuntime<any, any>,
  what: string,
  effect: Effect.Effect<A, any, any>
) => {
  const exit = await runtime.runPromiseExit(effect)
  if (Exit.isFailure(exit)) throw new Error(`${what} failed: ${String(exit.cause)}`)
  return exit.value
}

/**
 * Core's services, then each plugin's on top of those before it, then Uploads on top of all:
 * a purpose's guest check may use any plugin's services.
 */
const servicesLayer = (
  config: WharfConfigShape,
  database: OpenedDatabase,
  plugins: ReadonlyArray<WharfPlugin>
) => {
  const coreLayer = Layer.mergeAll(
    Layer.succeed(Db, makeDb(database.pool, database.kind)),
    Layer.succeed(WharfConfig, config),
    Layer.succeed(Extensions, makeExtensions(plugins.flatMap((p) => p.contributions ?? []))),
    jsonLoggerLayer
  )
  const withServices = Layer.provideMerge(
    Layer.mergeAll(Audit.layer, Events.layer, Jobs.layer, Mailer.layer, Secrets.layer),
    coreLayer
  )
  // Each plugin's services may use core's and those of the plugins before it.
  const pluginLayers = plugins.reduce<Layer.Layer<any, any, never>>(
    (acc, p) => (p.layer ? Layer.provideMerge(p.layer, acc) : acc),
    withServices
  )
  return Layer.provideMerge(uploadsLayer, pluginLayers)
}

/** Each plugin's start, in order; with `demo`, the demo content of each plugin whose schema is new. */
const startPlugins = async (
  runtime: ManagedRuntime.ManagedRuntime<any, any>,
  plugins: ReadonlyArray<WharfPlugin>,
  applied: ReadonlyArray<string>,
  demo: boolean
) => {
  for (const p of plugins) if (p.onStart) await runOrThrow(runtime, `start of plugin ${p.id}`, p.onStart)
  if (demo) {
    // Demo content loads with a plugin's first migration: a fresh schema, nothing to clash with.
    for (const p of plugins) {
      const first = p.migrations?.[0]
      if (p.demo && first && applied.includes(`${p.id}/${first.name}`)) {
        await runOrThrow(runtime, `demo content of plugin ${p.id}`, p.demo)
      }
    }
  }
}

/** The SMTP listener for replies by mail, when a port is configured; each mail goes to the plugins' handlers. */
const startInboundMail = async (
  runtime: ManagedRuntime.ManagedRuntime<any, any>,
  config: WharfConfigShape,
  logInternal: (e: InternalError) => void
): Promise<InboundSmtp | null> => {
  if (config.inboundSmtpPort === null) return null
  const handlers = await runtime.runPromise(
    Effect.gen(function* () {
      return (yield* Extensions).get(inboundMailHandlers)
    })
  )
  const deliver = makeRun(runtime, null, logInternal)
  const inboundSmtp = await startInboundSmtp({
    host: config.host,
    port: config.inboundSmtpPort,
    // A mail carries attachments base64-encoded: a third larger than the files.
    maxBytes: 64 * 1024 ** 2,
    replyAddress: config.replyAddress,
    deliver: (mail) => deliver(receiveMail(handlers, mail)),
    onError: (e) => log("ERROR", "inbound mail failed", { error: String(e) })
  })
  log("INFO", "receiving replies by mail", { port: inboundSmtp.port, address: config.replyAddress })
  return inboundSmtp
}

/** Core's and the plugins' scheduled jobs, in a scope that closing Wharf closes (none in tests that say so). */
const startJobs = async (
  runtime: ManagedRuntime.ManagedRuntime<any, any>,
  plugins: ReadonlyArray<WharfPlugin>,
  enabled: boolean
) => {
  const scope = await runtime.runPromise(Scope.make())
  const jobs: JobDefinition[] = [
    expireUploadsJob,
    forgetIdempotencyKeysJob,
    pruneEventsJob,
    ...plugins.flatMap((p) => p.jobs ?? [])
  ]
  if (enabled && jobs.length > 0) {
    await runtime.runPromise(Jobs.use((j) => j.start(jobs)).pipe(Scope.provide(scope)))
  }
  return scope
}

export const createWharf = async (options: {
  config: WharfConfigShape
  /** Plugins in memory (a test's own); configuration's ids found here are not loaded from packages. */
  available?: ReadonlyArray<WharfPlugin> | undefined
  /** Built console to serve; none in API-only tests. */
  consoleDir?: string | undefined
  /** Start scheduled jobs (default true). */
  jobs?: boolean
}): Promise<Wharf> => {
  const { config } = options
  const loaded = await loadPlugins(config.plugins, config.cwd, options.available)
  const plugins = resolvePlugins(
    loaded,
    loaded.map((p) => p.id)
  )
  const database = config.databaseUrl
    ? await openServerDatabase(config.databaseUrl, config.databasePoolSize)
    : await openEmbeddedDatabase(config.dataDir)
  try {
    const applied = await runMigrations(database.pool, [
      { plugin: "wharf", migrations: coreMigrations },
      ...plugins.map((p) => ({ plugin: p.id, migrations: p.migrations ?? [] }))
    ])
    if (applied.length > 0) log("INFO", "migrations applied", { applied })

    const runtime = ManagedRuntime.make(servicesLayer(config, database, plugins))
    const authenticator = Option.getOrElse(
      await runOrThrow(runtime, "building services", Effect.serviceOption(Authenticator)),
      () => nobodyAuthenticator
    )

    await startPlugins(runtime, plugins, applied, config.demo)

    const uploads = await runOrThrow(
      runtime,
      "building the upload service",
      Effect.gen(function* () {
        return yield* Uploads
      })
    )

    const scope = await startJobs(runtime, plugins, options.jobs !== false)

    const logInternal = (e: InternalError) =>
      log("ERROR", e.message, { cause: String(e.cause), stack: (e.cause as Error)?.stack })
    const inboundSmtp = await startInboundMail(runtime, config, logInternal)

    const audit = await runtime.runPromise(Audit.use(Effect.succeed))
    const rootRouter = router(
      Object.fromEntries(plugins.filter((p) => p.router).map((p) => [p.id, p.router!]))
    )
    const shared = {
      config,
      plugins,
      // Through the same runner as every route: stopping answers 503, a fault is logged once.
      authenticate: (credentials: Credentials) =>
        makeRun(runtime, null, logInternal)(authenticator.authenticate(credentials)),
      run: (viewer: Viewer | null) => makeRun(runtime, viewer, logInternal),
      audit: ((entry) => {
        const change = audit.change(() => {
          const e = entry()
          return (
            e && { action: e.action, detail: e.detail, actor: e.viewer, requestId: e.requestId, ip: e.ip }
          )
        })
        return {
          within: change.within,
          // Only a change that committed no transaction gets here with its row unwritten.
          end: (succeeded) =>
            runtime
              .runPromise(change.end(succeeded))
              .catch((e) => log("ERROR", "audit record failed", { error: String(e) }))
        }
      }) satisfies EdgeAudit
    }
    const app = createHttpApp({
      ...shared,
      database,
      router: rootRouter,
      consoleDir: options.consoleDir,
      uploads: uploads.handle
    })

    return {
      app,
      upgrade: createUpgradeHandler(shared),
      plugins,
      database,
      runtime,
      inboundSmtp,
      close: async () => {
        await inboundSmtp?.close()
        await runtime.runPromise(Scope.close(scope, Exit.void)).catch(() => {})
        await runtime.dispose()
        await database.close()
      }
    }
  } catch (e) {
    await database.close().catch(() => {})
    throw e
  }
}

export { trpcServer }
