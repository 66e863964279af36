/**
 * @module WebSocket upgrades (a pod's terminal): routed to the plugin that owns the path under
 * /api/v1, after the same checks as a change over HTTP — a signed-in viewer (session cookie or
 * token) and, for a browser, a page of Wharf's own origin (a WebSocket is not subject to CORS,
 * so another site's page could otherwise open one with the visitor's cookie).
 */
import type { IncomingMessage } from "node:http"
import type { Duplex } from "node:stream"
import {
  type Authentication,
  type Credentials,
  clientAddress,
  type RunEffect,
  refuseUpgrade,
  type SocketRoute,
  trustedProxies,
  type Viewer,
  type WharfConfigShape,
  type WharfPlugin
} from "@wharf/core"

export const createUpgradeHandler = (options: {
  config: WharfConfigShape
  plugins: ReadonlyArray<WharfPlugin>
  authenticate: (credentials: Credentials) => Promise<Authentication | null>
  run: (viewer: Viewer | null) => RunEffect
}) => {
  const routes = new Map<string, SocketRoute>()
  for (const p of options.plugins) for (const r of p.sockets ?? []) routes.set(`/api/v1${r.path}`, r)
  const publicOrigin = new URL(options.config.publicUrl).origin
  const proxies = trustedProxies(options.config.trustedProxies)

  return (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy())
    const url = new URL(request.url ?? "/", "http://wharf")
    const route = routes.get(url.pathname)
    if (!route) return refuseUpgrade(socket, 404, `No WebSocket endpoint at ${url.pathname}`)
    const origin = request.headers.origin
    const own = [`http://${request.headers.host}`, `https://${request.headers.host}`]
    if (origin !== undefined && origin !== publicOrigin && !own.includes(origin))
      return refuseUpgrade(
        socket,
        403,
        "This connection was opened from another site's page; Wharf accepts it only from its own"
      )
    const credentials = { cookie: request.headers.cookie, authorization: request.headers.authorization }
    options.authenticate(credentials).then(
      (auth) => {
        if (!auth) return refuseUpgrade(socket, 401, "Sign in to continue")
        const viewer = auth.viewer
        const ip = clientAddress({
          socketAddress: request.socket.remoteAddress,
          forwardedFor: request.headers["x-forwarded-for"] as string | undefined,
          proxies
        })
        route.accept(request, socket, head, {
          viewer,
          run: options.run(viewer),
          ip,
          stillSignedIn: async () =>
            (await options.authenticate(credentials).catch(() => null))?.viewer.id === viewer.id
        })
      },
      () => refuseUpgrade(socket, 503, "Wharf could not check the session; try again")
    )
  }
}
