/**
 * @module The CLI's API client: tRPC over HTTP with the API token as a Bearer header (an
 * API token needs no CSRF token), and REST for what has a REST route.
 */
import { createTRPCClient, httpLink, type TRPCClient, TRPCClientError } from "@trpc/client"
import type { IdentityRouter } from "@wharf/plugin-identity/server"
import type { Credentials } from "./credentials"

export interface ApiClient {
  readonly identity: TRPCClient<IdentityRouter>
  readonly rest: <T>(
    method: string,
    path: string,
    body?: unknown,
    extra?: Record<string, string>
  ) => Promise<T>
}

export const apiClient = (c: Pick<Credentials, "url" | "token">): ApiClient => {
  const headers = { authorization: `Bearer ${c.token}` }
  const trpc = createTRPCClient<any>({ links: [httpLink({ url: `${c.url}/trpc`, headers })] })
  return {
    identity: (trpc as unknown as { identity: TRPCClient<IdentityRouter> }).identity,
    rest: async <T>(
      method: string,
      path: string,
      body?: unknown,
      extra: Record<string, string> = {}
    ): Promise<T> => {
      const res = await fetch(`${c.url}/api/v1${path}`, {
        method,
        headers: {
          ...headers,
          ...extra,
          ...(body === undefined ? {} : { "content-type": "application/json" })
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
      const text = await res.text()
      const json = text ? JSON.parse(text) : null
      if (!res.ok) throw new CliError(json?.error?.message ?? `${res.status} ${res.statusText}`)
      return json as T
    }
  }
}

/** A failure to report in one line, without a stack trace. */
export class CliError extends Error {}

export const describeError = (e: unknown) => {
  if (e instanceof CliError || e instanceof TRPCClientError) return e.message
  const cause = (e as { cause?: { code?: string } })?.cause
  if (cause?.code === "ECONNREFUSED")
    return "Cannot reach the Wharf server; is it running, and is the URL right?"
  return e instanceof Error ? e.message : String(e)
}
