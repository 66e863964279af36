/**
 * @module The one tRPC instance. Plugins build their routers with these procedure
 * builders; two instances would fail at merge. Procedures stay thin: the input is decoded
 * by an Effect Schema (`input(schema)`), the work is a service call run with `ctx.run`.
 */
import { initTRPC, TRPCError } from "@trpc/server"
import { type Effect, Result, Schema, SchemaParser } from "effect"
import { standardIssuesOf } from "./decode"
import { Forbidden, httpStatusOf, isWharfError, reasonOf, trpcCodeOf, Unauthorized } from "./errors"
import { InternalError, type RunEffect } from "./runner"
import { type Authentication, hasRole, type Role, type Viewer } from "./viewer"

export interface RequestContext {
  readonly auth: Authentication | null
  readonly viewer: Viewer | null
  /** Runs a service effect for this request; failures become tRPC errors. */
  readonly run: RunEffect
  /** Headers to add to the response (e.g. Set-Cookie at sign-in). */
  readonly resHeaders: Headers
  /** The request's Cookie header (the identity plugin reads its session cookie). */
  readonly cookie: string | undefined
  readonly ip: string
  readonly userAgent: string
  /** The HTTP request's id (`x-request-id`), shared by the calls of one batch. */
  readonly requestId: string
  /** Begins a state-changing call's audit record (core's `Audit.change`). */
  readonly audit: EdgeAudit
}

/** A change's audit record as the edge (tRPC, REST) sees it; see `Audit.change`. */
export type EdgeAudit = (entry: () => EdgeAuditEntry | null) => {
  /** The change's effects, so its first committed transaction writes the row. */
  readonly within: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** Writes the row if the change succeeded and no transaction did; a failure is logged. */
  readonly end: (succeeded: boolean) => Promise<void>
}

export interface EdgeAuditEntry {
  readonly action: string
  readonly detail: unknown
  readonly viewer: Viewer | null
  readonly requestId: string
  readonly ip: string
}

interface StandardIssue {
  readonly message: string
  /** A list of keys (Standard Schema), or already a dotted string (a Wharf `Invalid`). */
  readonly path?: string | ReadonlyArray<PropertyKey | { key: PropertyKey }>
  /** A Wharf `Invalid`'s issues may say why as a code (see `reason.ts`). */
  readonly reason?: string
  readonly params?: Readonly<Record<string, string | number>>
}

const describeIssues = (issues: ReadonlyArray<StandardIssue>) =>
  issues.map((i) => ({
    path:
      typeof i.path === "string"
        ? i.path
        : (i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join("."),
    message: i.message,
    ...(i.reason ? { reason: i.reason } : {}),
    ...(i.params ? { params: i.params } : {})
  }))

const t = initTRPC.context<RequestContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause as { issues?: ReadonlyArray<StandardIssue> } | undefined
    const issues =
      error.code === "BAD_REQUEST" && Array.isArray(cause?.issues) ? describeIssues(cause.issues) : undefined
    const message = issues
      ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")
      : error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof InternalError)
        ? "Something went wrong on the server; the details are in its log"
        : shape.message
    // The reason code lets the console say it in the reader's language.
    const reason = isWharfError(error.cause) ? reasonOf(error.cause) : {}
    return {
      ...shape,
      message,
      data: { ...shape.data, stack: undefined, ...reason, ...(issues ? { issues } : {}) }
    }
  }
})

/** Turn what `ctx.run` throws into the tRPC error a client sees. */
const toTRPCError = (e: unknown): unknown => {
  if (e instanceof TRPCError) return e
  if (isWharfError(e)) return new TRPCError({ code: trpcCodeOf[e._tag], message: e.message, cause: e })
  if (e instanceof InternalError)
    return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: e.message, cause: e })
  return e
}

const SECRET = /password|token|secret|kubeconfig|key$/i
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/** Text jsonb can hold, so the audit entry is always written: no NUL, no lone surrogate (JSON input may carry both). */
const storable = (text: string) => text.replaceAll("\u0000", "\\0").replace(LONE_SURROGATE, "\uFFFD")
/** Input as stored in the audit log: secrets replaced, big values trimmed. */
export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 4) return "…"
  if (typeof value === "string") {
    // Trimmed first: a cut may split a surrogate pair.
    return storable(value.length > 500 ? `${value.slice(0, 500)}…` : value)
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1))
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        storable(k),
        SECRET.test(k) ? "[redacted]" : redact(v, depth + 1)
      ])
    )
  }
  return value
}

const base = t.procedure.use(async ({ ctx, next, type, path, getRawInput }) => {
  // Every state-changing call is audited, once, here: no procedure can forget. The row is
  // written in the call's first committed transaction, so the change cannot escape it.
  const detail = type === "mutation" ? redact(await getRawInput().catch(() => undefined)) : undefined
  const change =
    type === "mutation"
      ? ctx.audit(() => ({ action: path, detail, viewer: ctx.viewer, requestId: ctx.requestId, ip: ctx.ip }))
      : undefined
  const result = await next({
    ctx: {
      ...ctx,
      run: ((effect) =>
        ctx
          .run(change ? change.within(effect) : effect)
          .catch((e) => Promise.reject(toTRPCError(e)))) as RunEffect
    }
  })
  await change?.end(result.ok)
  return result
})

export const router = t.router
export const mergeRouters = t.mergeRouters
export const createCallerFactory = t.createCallerFactory

/** Anyone, signed in or not. */
export const publicProcedure = base

/** A signed-in user; `ctx.viewer` is not null. */
export const authedProcedure = base.use(({ ctx, next }) => {
  if (!ctx.viewer) {
    const cause = new Unauthorized({ message: "Sign in to continue", reason: "core.signInRequired" })
    throw new TRPCError({ code: "UNAUTHORIZED", message: cause.message, cause })
  }
  return next({ ctx: { ...ctx, viewer: ctx.viewer } })
})

const withRole = (...roles: ReadonlyArray<Role>) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.viewer, ...roles)) {
      const cause = new Forbidden({
        message: `This needs the ${roles.join(" or ")} role`,
        reason: "core.roleRequired",
        params: { roles: roles.join(" / ") }
      })
      throw new TRPCError({ code: "FORBIDDEN", message: cause.message, cause })
    }
    return next()
  })

/** Support staff: agents and admins. */
export const agentProcedure = withRole("admin", "agent")
/** Platform admins only. */
export const adminProcedure = withRole("admin")

/**
 * An Effect Schema as a tRPC input validator: decodes, and reports every wrong field, each
 * with its check's reason code when it has one (Effect's own validator drops it).
 */
export const input = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) => {
  const validator = Schema.toStandardSchemaV1(schema)
  const decodeInput = SchemaParser.decodeUnknownResult(schema, { errors: "all" })
  const validate = (value: unknown) => {
    const decoded = decodeInput(value)
    return Result.isSuccess(decoded)
      ? { value: decoded.success }
      : { issues: standardIssuesOf(decoded.failure) }
  }
  return Object.defineProperties(validator, {
    "~standard": { value: { ...validator["~standard"], validate } },
    [inputSchema]: { value: schema }
  })
}

/** A registered symbol: plugins loaded as packages may hold another copy of this module. */
const inputSchema = Symbol.for("wharf.inputSchema")
/**
 * The schema behind a procedure's input validator (`procedure._def.inputs[0]`): what a
 * sweep of every procedure (the hostile-input suite) builds its inputs from.
 */
export const schemaOfInput = (validator: unknown): Schema.Top | undefined =>
  (typeof validator === "object" || typeof validator === "function") && validator !== null
    ? (validator as { [inputSchema]?: Schema.Top })[inputSchema]
    : undefined

export { httpStatusOf }
export type AnyRouter = ReturnType<typeof router>
