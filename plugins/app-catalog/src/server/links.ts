/**
 * @module Component links (e.g. Inceptor's web UI on 4040) reached through Wharf: only someone
 * who may see the instance gets through (another tenant's app is absent, 404), and only to a
 * port the app's definition declares as a link, never to any service of the namespace. Wharf
 * asks the cluster's service proxy with its own credentials, as kubectl proxy would.
 *
 * The page is served from Wharf's origin, so it is sandboxed (Content-Security-Policy
 * `sandbox` without `allow-same-origin`): the app's scripts run in an origin of their own and
 * cannot use the viewer's session.
 */
import http from "node:http"
import https from "node:https"
import { Readable } from "node:stream"
import { NotFound } from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { Effect } from "effect"
import { serviceName } from "../shared/render"
import { AppCatalog } from "../shared/service"
import { seeInstance } from "./access"
import { clusterSilent } from "./kube"
import { sayer } from "./say"

/** Where the app page's link points: Wharf's route for this instance's link. */
export const linkUrl = (instance: string, link: { role: string; port: number; path?: string | undefined }) =>
  `/api/v1/apps/${instance}/links/${link.role}/${link.port}${link.path ?? "/"}`

/** What of the app's answer reaches the browser. */
const PASSED = ["content-type", "content-length", "cache-control", "last-modified", "etag"]

/** A GET of `path` (with its query) on the link's service, through the cluster's service proxy, streamed back. */
export const proxyLink = (name: string, role: string, port: number, path: string, search: string) =>
  Effect.gen(function* () {
    const { row } = yield* seeInstance(name)
    const say = yield* sayer
    const link = (yield* AppCatalog)
      .get(row.app)
      ?.definition.links.find((l) => l.role === role && l.port === port)
    if (!link)
      return yield* new NotFound({
        message: say(
          `${name} 没有 ${role}:${port} 的组件链接`,
          `${name} has no component link ${role}:${port}`
        )
      })
    const kc = yield* (yield* KubeClients).config(row.clusterId)
    const server = kc.getCurrentCluster()?.server ?? ""
    const target = new URL(
      `${server}/api/v1/namespaces/${row.namespace}/services/${serviceName(row.name, role)}:${port}/proxy${path}${search}`
    )
    const options: https.RequestOptions = { method: "GET", headers: {} }
    yield* Effect.promise(() => kc.applyToHTTPSOptions(options))
    // Streamed, not buffered: a component's page may send a large file (a job's log, a
    // report), which must not be held whole in Wharf's memory.
    const answer = yield* Effect.tryPromise({
      try: () =>
        new Promise<http.IncomingMessage>((resolve, reject) => {
          const req = (target.protocol === "http:" ? http : https).request(target, options, resolve)
          req.on("error", reject)
          req.end()
        }),
      catch: clusterSilent
    })
    const headers = new Headers({
      "content-security-policy": "sandbox allow-scripts allow-forms allow-popups",
      "x-content-type-options": "nosniff"
    })
    for (const h of PASSED) {
      const v = answer.headers[h]
      if (typeof v === "string") headers.set(h, v)
    }
    const body = Readable.toWeb(answer) as ReadableStream<Uint8Array>
    return new Response(body, { status: answer.statusCode ?? 502, headers })
  })
