/**
 * @module The console's client of the server: one tRPC client for every plugin (each
 * gets a typed view of its own router), and a JSON fetch for REST. Every call carries the
 * headers of the session client (the CSRF token a change with a session cookie needs).
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
import { type Reason, reasonKey } from "../reason"
import { hasMessage, locale, t } from "./i18n"
import { sessionClient, sessionHeaders } from "./session-client"

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

// A wrong password at sign-in is a 401 too, but it ends no session: the session client
// names the procedures where that is so.
const isCredentialCheck = (path: string) => sessionClient()?.credentialProcedures.includes(path) ?? false

const watchSession: TRPCLink<AnyTRPCRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (err) => {
          if (err.data?.code === "UNAUTHORIZED" && !isCredentialCheck(op.path)) sessionLost()
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
      // The server refuses batches of more than 20 calls (each could be a guess or a write).
      maxItems: 20,
      headers: sessionHeaders,
      fetch: (url, init) => fetch(url, { ...(init as RequestInit), credentials: "include" })
    })
  ]
})

/** The typed client of one plugin's router: `pluginApi<IdentityRouter>("identity").users.list.query(...)`. */
export const pluginApi = <TRouter extends AnyTRPCRouter>(pluginId: string): TRPCClient<TRouter> =>
  (client as unknown as Record<string, TRPCClient<TRouter>>)[pluginId]!

/** The reason code and parameters the server gave for a failed call, if any. */
export const reasonOfError = (e: unknown): Reason | undefined => {
  const source =
    e instanceof HttpError ? e : (e as { data?: Partial<Reason> & { reason?: string } } | null)?.data
  const code = (source as { reason?: unknown } | undefined)?.reason
  if (typeof code !== "string") return undefined
  const params = (source as { params?: Reason["params"] }).params
  return { code, ...(params ? { params } : {}) }
}

/** A reason in the reader's language, or `fallback` (the server's English) when none is known. */
export const renderReason = (reason: Reason | undefined, fallback: string): string =>
  reason && hasMessage(reasonKey(reason.code)) ? t(reasonKey(reason.code), reason.params) : fallback

/**
 * What to tell the user about a failed call: the server's reason in the reader's language,
 * its message when it gave no known reason, or "network" when it could not be reached.
 */
export const errorMessage = (e: unknown): string => {
  const reason = reasonOfError(e)
  if (reason && hasMessage(reasonKey(reason.code))) return renderReason(reason, "")
  const message = e instanceof Error ? e.message : String(e)
  if (message === "Failed to fetch" || message.includes("fetch failed")) return "network"
  // A refusal without a known reason: its kind in the reader's language rather than the
  // server's English (which stays the language of REST clients, the CLI and logs).
  const status = errorStatus(e)
  if (status && locale() !== "en" && hasMessage(`errorKind.${status}`)) return t(`errorKind.${status}`)
  return message
}

/** The HTTP status of a failed call, when there is one. */
export const errorStatus = (e: unknown): number | undefined =>
  e instanceof TRPCClientError
    ? (e.data as { httpStatus?: number } | undefined)?.httpStatus
    : e instanceof HttpError
      ? e.status
      : undefined

export interface FieldIssue {
  readonly path: string
  readonly message: string
  readonly reason?: string
  readonly params?: Reason["params"]
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: ReadonlyArray<FieldIssue>,
    readonly reason?: string,
    readonly params?: Reason["params"]
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
    const reason = typeof i.reason === "string" ? { code: i.reason, params: i.params } : undefined
    out[i.path.split(".")[0]!] ??= renderReason(reason, i.message)
  }
  return out
}

/** JSON from a REST route; throws an `HttpError` with the server's message. */
export const fetchJson = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(path, {
    ...init,
    credentials: "include",
    headers: {
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...sessionHeaders(),
      ...(init.headers as Record<string, string>)
    }
  })
  const text = await res.text()
  const body = text ? JSON.parse(text) : null
  if (res.status === 401) sessionLost()
  if (!res.ok) {
    const error = body?.error
    throw new HttpError(
      res.status,
      error?.message ?? res.statusText,
      error?.issues,
      error?.reason,
      error?.params
    )
  }
  return body as T
}
