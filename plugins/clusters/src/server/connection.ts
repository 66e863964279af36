/**
 * @module How Wharf connects to a cluster: credentials (a kubeconfig, or URL + token + CA)
 * into a client-node `KubeConfig`, the connection check done before saving, and failures
 * explained in words a person can act on.
 */
import * as k8s from "@kubernetes/client-node"
import { Invalid, Unavailable } from "@wharf/core"
import { Effect } from "effect"
import type { RegisterClusterInput } from "../shared/schemas"

export type Credentials =
  | { readonly kind: "kubeconfig"; readonly kubeconfig: string; readonly context?: string | undefined }
  | {
      readonly kind: "token"
      readonly server: string
      readonly token: string
      readonly ca?: string | undefined
      readonly insecureSkipTlsVerify?: boolean | undefined
    }

const invalid = (path: string, message: string) =>
  new Invalid({ message: `${path}: ${message}`, issues: [{ path, message }] })

/** Build the client config; a kubeconfig that would make the server run programs or read its own files is refused. */
export const kubeConfigOf = (credentials: Credentials): Effect.Effect<k8s.KubeConfig, Invalid> =>
  Effect.gen(function* () {
    const kc = new k8s.KubeConfig()
    if (credentials.kind === "token") {
      kc.loadFromClusterAndUser(
        {
          name: "cluster",
          server: credentials.server.replace(/\/+$/, ""),
          skipTLSVerify: credentials.insecureSkipTlsVerify === true,
          ...(credentials.ca?.trim() ? { caData: Buffer.from(credentials.ca.trim()).toString("base64") } : {})
        },
        { name: "user", token: credentials.token.trim() }
      )
      return kc
    }
    const path = "connection.kubeconfig"
    yield* Effect.try({
      try: () => kc.loadFromString(credentials.kubeconfig),
      catch: (e) => invalid(path, `is not a valid kubeconfig (${(e as Error).message.split("\n")[0]})`)
    })
    if (credentials.context) {
      if (!kc.getContextObject(credentials.context))
        return yield* invalid(
          "connection.context",
          `the kubeconfig has no context named ${credentials.context}`
        )
      kc.setCurrentContext(credentials.context)
    }
    const cluster = kc.getCurrentCluster()
    const user = kc.getCurrentUser()
    if (!kc.getCurrentContext() || !cluster)
      return yield* invalid(
        path,
        "has no current context pointing at a cluster; set current-context or pick a context"
      )
    // These would run a program, or read a file, on the Wharf server: not for pasted configs.
    if (user?.exec || user?.authProvider)
      return yield* invalid(
        path,
        "its user authenticates with an exec or auth-provider plugin; use a token or client certificate instead"
      )
    if (
      user?.certFile ||
      user?.keyFile ||
      cluster.caFile ||
      (user as { tokenFile?: string } | null)?.tokenFile
    )
      return yield* invalid(
        path,
        "refers to files on disk; embed them (certificate-authority-data, client-certificate-data, client-key-data, token)"
      )
    return kc
  })

export interface ProbeResult {
  readonly server: string
  readonly version: string
  readonly nodeCount: number
}

const codeOf = (e: unknown): string | undefined => {
  let cur = e as { code?: unknown; cause?: unknown } | undefined
  for (let i = 0; cur && i < 5; i++) {
    if (typeof cur.code === "string") return cur.code
    cur = cur.cause as typeof cur
  }
  return undefined
}

/** A failed call to a cluster, in words: what happened and what to check. */
export const explainFailure = (e: unknown, server: string): string => {
  if (e instanceof k8s.ApiException) {
    if (e.code === 401)
      return "The cluster refused the token (401): check that it is current and belongs to this cluster"
    if (e.code === 403)
      return "The cluster accepted the credentials but refused access (403): they need permission to list nodes"
    return `The cluster answered ${e.code} at ${server}`
  }
  const message = (e as Error)?.message ?? String(e)
  if (message.includes("HTTP protocol is not allowed"))
    return `${server} is plain http: use https, or turn on "skip TLS verification" for a test cluster`
  const code = codeOf(e)
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach ${server}: connection refused`
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach ${server}: the host name does not resolve`
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return `Cannot reach ${server}: the connection timed out`
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return `Cannot reach ${server}: the connection was closed (is it the API server's port?)`
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
      return `Cannot trust ${server}: its certificate is not signed by the given CA (paste the cluster's CA)`
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `Cannot trust ${server}: its certificate is for another host name`
  }
  if (message === "bad port") return `Cannot reach ${server}: that port is not allowed`
  return `Cannot reach ${server}: ${code ?? message}`
}

const PROBE_TIMEOUT = "10 seconds"

/** Ask the cluster who it is: its version and how many nodes it has. */
export const probe = (kc: k8s.KubeConfig): Effect.Effect<ProbeResult, Unavailable> => {
  const server = kc.getCurrentCluster()?.server ?? "the cluster"
  return Effect.tryPromise({
    try: async () => {
      const version = await kc.makeApiClient(k8s.VersionApi).getCode()
      const nodes = await kc.makeApiClient(k8s.CoreV1Api).listNode()
      return { server, version: version.gitVersion, nodeCount: nodes.items.length }
    },
    catch: (e) => new Unavailable({ message: explainFailure(e, server) })
  }).pipe(
    Effect.timeoutOrElse({
      duration: PROBE_TIMEOUT,
      orElse: () =>
        Effect.fail(new Unavailable({ message: `Cannot reach ${server}: no answer within 10 seconds` }))
    })
  )
}

export const credentialsOf = (connection: RegisterClusterInput["connection"]): Credentials => connection
