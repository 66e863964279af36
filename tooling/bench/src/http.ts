/** @module What the HTTP benchmarks share: serving a fetch handler on a free port, and a load run. */
import { serve } from "@hono/node-server"
import autocannon from "autocannon"

export const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" })
    server.once("listening", () => resolve((server.address() as { port: number }).port))
  })

/**
 * `seconds` of GETs to `url` over 50 connections, sent from a worker thread: on the
 * benchmark's own thread the load generator would share the event loop of the server it
 * measures, and its time would count as the server's.
 */
export const load = (url: string, seconds: number, headers: Record<string, string> = {}) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: 50, duration: seconds, headers, workers: 1 }, (e, r) =>
      e ? reject(e) : resolve(r)
    )
  )
