/**
 * @module REST routes for plugins. A route names its method, path, who may call it and the
 * schemas of its body and query; the kit decodes input, checks the caller, runs the
 * handler's effect and maps errors, and records the route for the OpenAPI document.
 */
import type { Effect, Schema } from "effect"
import { Effect as E } from "effect"
import { type Context, Hono } from "hono"
import { decode } from "./decode"
import { errorBody, httpStatusOf, Invalid, isWharfError } from "./errors"
import { InternalError, type RunEffect } from "./runner"
import { type Authentication, hasRole, requireRole, requireViewer, type Viewer } from "./viewer"

export interface WharfEnv {
  Variables: {
    auth: Authentication | null
    run: RunEffect
    requestId: string
    /** The client's address (core's `clientAddress`, decided once per request). */
    clientIp: string
    /** The route that answered, and whose it is: the host audits a change once, under its owner. */
    operation?: { readonly routes: RestRoutes; readonly operation: Operation }
  }
}

export type Access = "public" | "user" | "agent" | "admin"
type Method = "get" | "post" | "put" | "patch" | "delete"

export interface RouteSpec<B extends Schema.Top | undefined, Q extends Schema.Top | undefined> {
  readonly summary: string
  readonly access: Access
  readonly body?: B
  readonly query?: Q
  /** Status of a successful answer (default 200). */
  readonly status?: 200 | 201 | 202 | 204
}

type Decoded<S> = S extends Schema.Top ? S["Type"] : undefined

export interface RouteRequest<B, Q> {
  readonly body: B
  readonly query: Q
  readonly params: Record<string, string>
  readonly viewer: Viewer | null
  readonly c: Context<WharfEnv>
}

export interface Operation {
  readonly method: Method
  readonly path: string
  readonly summary: string
  readonly access: Access
  readonly body?: Schema.Top
  readonly query?: Schema.Top
  readonly status: number
}

/** A handler's answer: JSON-able data, or a `Response` it built itself (files, redirects). */
export type RouteHandler<B, Q> = (req: RouteRequest<B, Q>) => Effect.Effect<unknown, unknown, any>

const accessCheck = (access: Access) =>
  access === "public"
    ? E.void
    : access === "user"
      ? E.asVoid(requireViewer)
      : access === "agent"
        ? E.asVoid(requireRole("admin", "agent"))
        : E.asVoid(requireRole("admin"))

/** Map a failure thrown by `run` to a JSON error response. */
export const errorResponse = (c: Context, e: unknown) => {
  if (isWharfError(e)) {
    if (e._tag === "RateLimited") c.header("Retry-After", String(Math.ceil(e.retryAfterSeconds)))
    return c.json(errorBody(e), httpStatusOf[e._tag])
  }
  const message =
    e instanceof InternalError ? e.message : "Something went wrong on the server; the details are in its log"
  return c.json({ error: { code: "Internal", message } }, 500)
}

const JSON_HEADERS = { "content-type": "application/json" }
const written = new WeakMap<object, string>()

/**
 * Freeze a result and everything in it, to share it between requests (a page kept for a
 * second): nobody may change it in place, and the REST layer writes its JSON once.
 */
export const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/**
 * A result its producer froze is shared by every request that gets it (a cached page) and
 * promises not to change: its JSON is written once, not once per request.
 */
const jsonOf = (result: unknown): string => {
  // Primitives count as frozen; only objects can be remembered.
  if (typeof result !== "object" || result === null || !Object.isFrozen(result)) return JSON.stringify(result)
  let json = written.get(result)
  if (json === undefined) {
    json = JSON.stringify(result)
    written.set(result, json)
  }
  return json
}

const readJson = async (c: Context): Promise<unknown> => {
  const text = await c.req.text()
  if (text.trim() === "") return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new Invalid({ message: "The request body is not valid JSON", reason: "core.badJson" })
  }
}

export class RestRoutes {
  readonly app = new Hono<WharfEnv>()
  readonly operations: Operation[] = []

  private add<B extends Schema.Top | undefined, Q extends Schema.Top | undefined>(
    method: Method,
    path: string,
    spec: RouteSpec<B, Q>,
    handler: RouteHandler<Decoded<B>, Decoded<Q>>
  ) {
    const operation: Operation = {
      method,
      path,
      summary: spec.summary,
      access: spec.access,
      status: spec.status ?? 200,
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.query ? { query: spec.query } : {})
    }
    this.operations.push(operation)
    this.app.on(method.toUpperCase(), path, async (c) => {
      c.set("operation", { routes: this, operation })
      try {
        const body = spec.body ? await readJson(c) : undefined
        const result = await c.var.run(
          E.gen(function* () {
            yield* accessCheck(spec.access)
            const decodedBody = spec.body ? yield* decode(spec.body)(body) : undefined
            const decodedQuery = spec.query ? yield* decode(spec.query)(c.req.query()) : undefined
            return yield* handler({
              body: decodedBody as Decoded<B>,
              query: decodedQuery as Decoded<Q>,
              params: c.req.param() as Record<string, string>,
              viewer: c.var.auth?.viewer ?? null,
              c
            })
          })
        )
        if (result instanceof Response) return result
        if (spec.status === 204) return c.body(null, 204)
        return c.body(jsonOf(result), spec.status ?? 200, JSON_HEADERS)
      } catch (e) {
        return errorResponse(c, e)
      }
    })
    return this
  }

  get<Q extends Schema.Top | undefined = undefined>(
    path: string,
    spec: RouteSpec<undefined, Q>,
    handler: RouteHandler<undefined, Decoded<Q>>
  ) {
    return this.add("get", path, spec, handler)
  }
  post<B extends Schema.Top | undefined = undefined, Q extends Schema.Top | undefined = undefined>(
    path: string,
    spec: RouteSpec<B, Q>,
    handler: RouteHandler<Decoded<B>, Decoded<Q>>
  ) {
    return this.add("post", path, spec, handler)
  }
  put<B extends Schema.Top | undefined = undefined>(
    path: string,
    spec: RouteSpec<B, undefined>,
    handler: RouteHandler<Decoded<B>, undefined>
  ) {
    return this.add("put", path, spec, handler)
  }
  patch<B extends Schema.Top | undefined = undefined>(
    path: string,
    spec: RouteSpec<B, undefined>,
    handler: RouteHandler<Decoded<B>, undefined>
  ) {
    return this.add("patch", path, spec, handler)
  }
  delete(path: string, spec: RouteSpec<undefined, undefined>, handler: RouteHandler<undefined, undefined>) {
    return this.add("delete", path, spec, handler)
  }
}

/** Build a plugin's REST routes: `defineRoutes((r) => r.get("/me", {...}, handler))`. */
export const defineRoutes = (build: (routes: RestRoutes) => void): RestRoutes => {
  const routes = new RestRoutes()
  build(routes)
  return routes
}

export { hasRole }
