/**
 * @module What every request passes before a plugin sees it: security headers on every
 * answer, the client's address decided once, a body limit, JSON-only changes, and a
 * same-origin check on changes a browser could be tricked into sending (sign-in and
 * anything carried by the session cookie).
 */
import {
  type Authentication,
  clientAddress,
  trustedProxies,
  type WharfConfigShape,
  type WharfEnv
} from "@wharf/core"
import type { Context, MiddlewareHandler } from "hono"
import { bodyLimit } from "hono/body-limit"

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/** A refusal in the shape the caller reads: tRPC's for /trpc, Wharf's `{ error }` for the rest. */
export const refusal = (
  c: Context,
  status: 403 | 413 | 415,
  code: "Forbidden" | "PayloadTooLarge" | "UnsupportedMediaType",
  message: string
) =>
  c.req.path.startsWith("/trpc/")
    ? c.json(
        {
          error: {
            message,
            code: status === 403 ? -32003 : -32600,
            data: { code: status === 403 ? "FORBIDDEN" : code, httpStatus: status }
          }
        },
        status
      )
    : c.json({ error: { code, message } }, status)

/** The Content-Security-Policy of the console: no inline or foreign script, images only
 * from Wharf itself and the configured hosts (a guest's Markdown cannot track an agent). */
const contentSecurityPolicy = (config: WharfConfigShape) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // Solid writes style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${config.imageHosts.map((h) => ` https://${h}`).join("")}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join("; ")

export const securityHeaders = (config: WharfConfigShape): MiddlewareHandler => {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(config),
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    ...(config.secureCookies ? { "Strict-Transport-Security": "max-age=31536000" } : {})
  }
  return async (c, next) => {
    await next()
    // A response with a policy of its own (a proxied app page: `sandbox`) keeps it; the
    // browser enforces both.
    const own = c.res.headers.get("Content-Security-Policy")
    for (const [name, value] of Object.entries(headers)) {
      const v = name === "Content-Security-Policy" && own ? `${own}, ${value}` : value
      // Like x-request-id: set on the response itself, copying only immutable ones.
      try {
        c.res.headers.set(name, v)
      } catch {
        c.header(name, v)
      }
    }
  }
}

/** Decide the client's address once; every limit and audit entry uses this one. */
export const clientIp = (config: WharfConfigShape): MiddlewareHandler<WharfEnv> => {
  const proxies = trustedProxies(config.trustedProxies)
  return async (c, next) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    c.set(
      "clientIp",
      clientAddress({
        socketAddress: incoming?.socket?.remoteAddress,
        forwardedFor: c.req.header("x-forwarded-for"),
        proxies
      })
    )
    await next()
  }
}

/**
 * JSON bodies stop at `WHARF_JSON_MAX_BYTES`: a 413 from the length header, or as soon as a
 * streamed body passes it, before it is held whole. Reads (GET, HEAD, OPTIONS) carry no body
 * and skip it: asking one for its body makes the Node adapter build a whole fetch Request
 * and AbortController for it, about a seventh of a signed-in GET's time under load.
 */
export const jsonBodyLimit = (config: WharfConfigShape): MiddlewareHandler => {
  const limit = bodyLimit({
    maxSize: config.jsonMaxBytes,
    onError: (c) =>
      refusal(
        c,
        413,
        "PayloadTooLarge",
        `The request body is larger than ${Math.floor(config.jsonMaxBytes / 1024)} KiB`
      )
  })
  return (c, next) => (SAFE_METHODS.has(c.req.method) ? next() : limit(c, next))
}

const isJson = (contentType: string | undefined) =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? "")

/**
 * Changes carry JSON: a cross-site HTML form can only send form encodings and text/plain,
 * so refusing those closes login CSRF even before the Origin check.
 */
export const jsonOnly: MiddlewareHandler = async (c, next) => {
  // Reads carry no body; asking for one would build a fetch Request (see jsonBodyLimit).
  if (SAFE_METHODS.has(c.req.method)) return next()
  // A bodyless DELETE from fetch carries neither Content-Length nor Content-Type; a form always has a type.
  const declared = c.req.header("content-length") !== undefined || c.req.header("content-type") !== undefined
  const hasBody = c.req.raw.body !== null && declared && c.req.header("content-length") !== "0"
  if (hasBody && !isJson(c.req.header("content-type"))) {
    return refusal(
      c,
      415,
      "UnsupportedMediaType",
      "Send the request body as JSON (Content-Type: application/json)"
    )
  }
  await next()
}

/**
 * A browser names the page a request comes from; a change sent by another site's page is
 * refused when it would act with the session cookie or sign someone in. Scripts (no Origin)
 * and API tokens are not affected: a browser never attaches a token on its own.
 */
export const sameOrigin = (
  config: WharfConfigShape
): ((c: Context<WharfEnv>, auth: Authentication | null) => Response | null) => {
  const publicOrigin = new URL(config.publicUrl).origin
  return (c, auth) => {
    if (SAFE_METHODS.has(c.req.method) || auth?.via === "token") return null
    const site = c.req.header("sec-fetch-site")
    const origin = c.req.header("origin")
    const own = new URL(c.req.url).origin
    const foreign =
      site === "cross-site" || (origin !== undefined && origin !== publicOrigin && origin !== own)
    return foreign
      ? refusal(
          c,
          403,
          "Forbidden",
          "This change was sent from another site's page; Wharf accepts it only from its own"
        )
      : null
  }
}

/** The most procedures one batched tRPC request may call (the console splits above it). */
const MAX_TRPC_BATCH = 20

/** One request must not carry hundreds of calls: each is a sign-in guess or a ticket. */
export const trpcBatchCap: MiddlewareHandler = async (c, next) => {
  const procedures = c.req.path.slice("/trpc/".length).split(",").length
  if (procedures > MAX_TRPC_BATCH) {
    return c.json(
      {
        error: {
          message: `A batch may call at most ${MAX_TRPC_BATCH} procedures; this one calls ${procedures}`,
          code: -32600,
          data: { code: "BAD_REQUEST", httpStatus: 400 }
        }
      },
      400
    )
  }
  await next()
}
