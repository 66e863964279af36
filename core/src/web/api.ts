/**
 * @module The console's client of the server: one tRPC client for every plugin (each
 * gets a typed view of its own router), and a JSON fetch for REST. Changes carry the
 * session's CSRF token from its cookie.
 */
import {
  createTRPCClient,
  httpBatchLink,
  type TRPCClient,
  TRPCClientError,
  type TRPCLink
} from "@trpc/client"
import type { AnyTRPCRouter } from "@trpc/server"
import { observable } from "@trpc/server/observable"

export const CSRF_COOKIE = "wharf_csrf"
export const CSRF_HEADER = "x-csrf-token"

export const csrfToken = () =>
  typeof document === "undefined"
    ? undefined
    : document.cookie
        .split("; ")
        .find((c) => c.startsWith(`${CSRF_COOKIE}=`))
        ?.slice(CSRF_COOKIE.length + 1)

const sessionLostListeners = new Set<() => void>()

/**
 * Called when the server answers 401 to a signed-in call: the session expired, was
 * revoked, or ended in another tab. The session store listens and sends the user to sign in.
 */
export const onSessionLost = (listener: () => void) => {
  sessionLostListeners.add(listener)
  return () => sessionLostListeners.delete(listener)
}
const sessionLost = () => {
  for (const listener of sessionLostListeners) listener()
}

// A wrong password at sign-in is a 401 too, but it ends no session.
const watchSession: TRPCLink<AnyTRPCRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (err) => {
          if (err.data?.code === "UNAUTHORIZED" && op.path !== "identity.session.signIn") sessionLost()
          observer.error(err)
        },
        complete: () => observer.complete()
      })
    )

const client = createTRPCClient<AnyTRPCRouter>({
  links: [
    watchSession,
    httpBatchLink({
      url: "/trpc",
      headers: () => {
        const token = csrfToken()
        return token ? { [CSRF_HEADER]: token } : {}
      },
      fetch: (url, init) => fetch(url, { ...(init as RequestInit), credentials: "include" })
    })
  ]
})

/** The typed client of one plugin's router: `pluginApi<IdentityRouter>("identity").users.list.query(...)`. */
export const pluginApi = <TRouter extends AnyTRPCRouter>(pluginId: string): TRPCClient<TRouter> =>
  (client as unknown as Record<string, TRPCClient<TRouter>>)[pluginId]!

/** What to tell the user about a failed call: the server's message, or a network hint. */
export const errorMessage = (e: unknown): string => {
  if (e instanceof TRPCClientError) {
    if (e.message === "Failed to fetch" || e.message.includes("fetch failed")) return "network"
    return e.message
  }
  if (e instanceof Error) return e.message === "Failed to fetch" ? "network" : e.message
  return String(e)
}

/** The HTTP status of a failed call, when there is one. */
export const errorStatus = (e: unknown): number | undefined =>
  e instanceof TRPCClientError ? (e.data as { httpStatus?: number } | undefined)?.httpStatus : undefined

export interface FieldIssue {
  readonly path: string
  readonly message: string
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: ReadonlyArray<FieldIssue>
  ) {
    super(message)
  }
}

/**
 * The server's per-field complaints about a failed call (tRPC `data.issues`, REST
 * `error.issues`), keyed by the path's first part, so a form shows each under its field.
 */
export const fieldIssues = (error: unknown): Record<string, string> => {
  const issues =
    error instanceof HttpError
      ? error.issues
      : (error as { data?: { issues?: unknown } } | null | undefined)?.data?.issues
  if (!Array.isArray(issues)) return {}
  const out: Record<string, string> = {}
  for (const i of issues) {
    if (typeof i?.path !== "string" || typeof i?.message !== "string" || !i.path) continue
    out[i.path.split(".")[0]!] ??= i.message
  }
  return out
}

/** JSON from a REST route; throws an `HttpError` with the server's message. */
export const fetchJson = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const token = csrfToken()
  const res = await fetch(path, {
    ...init,
    credentials: "include",
    headers: {
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...(token ? { [CSRF_HEADER]: token } : {}),
      ...(init.headers as Record<string, string>)
    }
  })
  const text = await res.text()
  const body = text ? JSON.parse(text) : null
  if (res.status === 401) sessionLost()
  if (!res.ok) throw new HttpError(res.status, body?.error?.message ?? res.statusText, body?.error?.issues)
  return body as T
}
