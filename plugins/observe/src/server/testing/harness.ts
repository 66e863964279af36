/**
 * @module What the observe suites share: a Wharf listening on a real port (WebSockets and
 * streams need one), a kube-sim registered as a cluster, tenants' namespaces with pods, and a
 * browser-like terminal client (cookie, Origin) that speaks Wharf's terminal protocol.
 */
import { readFileSync } from "node:fs"
import type { Server } from "node:http"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import { waitFor } from "@wharf/kube-sim/testing"
import type { ClusterSummary } from "@wharf/plugin-clusters/shared"
import { startTestWharf, type TestClient, type TestWharf } from "@wharf/server/testing"
import { WebSocket } from "ws"
import type { TerminalServerMessage } from "../../shared"

export { waitFor }

export const DEMO_PASSWORD = "wharf-demo-1"
/** li.wei's and david.lee's own tenants (their namespaces). */
export const LI_NS = "u-li-wei-example-com"
export const DAVID_NS = "u-david-lee-example-com"

export interface Harness {
  readonly wharf: TestWharf
  readonly sim: KubeSim
  readonly url: string
  readonly cluster: ClusterSummary
  readonly core: k8s.CoreV1Api
  readonly signedIn: (email?: string) => Promise<TestClient>
  readonly close: () => Promise<void>
}

const PLUGINS = ["identity", "clusters", "tenants", "app-catalog", "observe"]

/** `wharf` on a free loopback port, WebSocket upgrades included. */
const listen = async (wharf: TestWharf) => {
  const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" }) as Server
  server.on("upgrade", wharf.upgrade)
  await new Promise((r) => server.once("listening", r))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  }
}

const signedInTo =
  (wharf: TestWharf) =>
  async (email?: string): Promise<TestClient> => {
    const c = wharf.client()
    if (email) await c.signIn(email, DEMO_PASSWORD)
    else await c.signIn()
    return c
  }

export const startHarness = async (env: Record<string, string> = {}): Promise<Harness> => {
  const backend = testBackends()[0]!
  const wharf = await startTestWharf({
    backend,
    plugins: PLUGINS,
    demo: true,
    env: { WHARF_KUBE_SIM: "0", ...env }
  })
  // Log lines every 50 ms: a follow sees new ones quickly.
  const sim = await startKubeSim({ port: 0, nodes: 2, tickMs: 50, logIntervalMs: 50 })
  const http = await listen(wharf)
  const admin = wharf.client()
  await admin.signIn()
  const r = await admin.rest<ClusterSummary>("POST", "/clusters", {
    name: "sim",
    connection: { kind: "kubeconfig", kubeconfig: sim.kubeconfig() }
  })
  if (r.status !== 201) throw new Error(`registering the cluster: ${JSON.stringify(r.body)}`)
  const kc = new k8s.KubeConfig()
  kc.loadFromString(sim.kubeconfig())
  return {
    wharf,
    sim,
    url: http.url,
    cluster: r.body,
    core: kc.makeApiClient(k8s.CoreV1Api),
    signedIn: signedInTo(wharf),
    close: async () => {
      await http.close()
      await wharf.stop()
      await sim.close()
    }
  }
}

/**
 * A second Wharf on `h`'s database with settings of its own (a replica configured otherwise):
 * the same cluster, pods and users. Closing it leaves `h` running.
 */
export const startReplica = async (h: Harness, env: Record<string, string>): Promise<Harness> => {
  const wharf = await startTestWharf({
    backend: testBackends()[0]!,
    plugins: PLUGINS,
    databaseUrl: h.wharf.databaseUrl,
    // Replicas share the master secret (it opens the cluster's sealed credentials).
    env: {
      WHARF_KUBE_SIM: "0",
      WHARF_SECRET_KEY: readFileSync(join(h.wharf.dataDir, "secret.key"), "utf8"),
      ...env
    }
  })
  const http = await listen(wharf)
  return {
    ...h,
    wharf,
    url: http.url,
    signedIn: signedInTo(wharf),
    close: async () => {
      await http.close()
      await wharf.stop()
    }
  }
}

/** A running pod in `namespace` (the namespace is created when missing). */
export const runningPod = async (
  h: Harness,
  namespace: string,
  name: string,
  containers: ReadonlyArray<{ name: string; image: string }> = [{ name: "app", image: "busybox:1.36" }]
) => {
  await h.core.createNamespace({ body: { metadata: { name: namespace } } }).catch(() => {})
  await h.core.createNamespacedPod({
    namespace,
    body: { metadata: { name, namespace }, spec: { containers: [...containers] } }
  })
  return waitFor(
    async () => {
      const p = await h.core.readNamespacedPod({ namespace, name })
      return p.status?.containerStatuses?.some((s) => s.state?.running || s.lastState?.terminated)
        ? p
        : undefined
    },
    20_000,
    `pod ${namespace}/${name} running`
  )
}

/** The browser's headers: the session cookie and the page's Origin. */
export const browserHeaders = (h: Harness, client: TestClient, origin = h.url) => ({
  cookie: `wharf_session=${client.cookie("wharf_session")}`,
  origin
})

export type Opened = { ok: true; terminal: TerminalClient } | { ok: false; status: number; body: string }

/** Wharf's terminal as the console opens it, or the HTTP refusal of the upgrade. */
export const openTerminal = (h: Harness, headers: Record<string, string>, query: Record<string, string>) =>
  new Promise<Opened>((resolve) => {
    const ws = new WebSocket(
      `${h.url.replace("http", "ws")}/api/v1/observe/terminal?${new URLSearchParams(query)}`,
      {
        headers
      }
    )
    ws.on("unexpected-response", (_req, res) => {
      let body = ""
      res.on("data", (c: Buffer) => {
        body += c.toString()
      })
      res.on("end", () => resolve({ ok: false, status: res.statusCode ?? 0, body }))
    })
    ws.on("open", () => resolve({ ok: true, terminal: new TerminalClient(ws) }))
  })

export class TerminalClient {
  output = ""
  readonly messages: TerminalServerMessage[] = []
  closeCode: number | undefined
  constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer, binary: boolean) => {
      if (binary) this.output += data.toString("utf8")
      else this.messages.push(JSON.parse(data.toString()) as TerminalServerMessage)
    })
    ws.on("close", (code) => {
      this.closeCode = code
    })
  }
  type(text: string) {
    this.ws.send(Buffer.from(text), { binary: true })
  }
  resize(cols: number, rows: number) {
    this.ws.send(JSON.stringify({ type: "resize", cols, rows }))
  }
  /** Waits until the output (from `from`) matches. */
  until(pattern: RegExp, from = 0) {
    return waitFor(async () => pattern.test(this.output.slice(from)), 10_000, `terminal output ${pattern}`)
  }
  message(type: TerminalServerMessage["type"]) {
    return waitFor(async () => this.messages.find((m) => m.type === type), 15_000, `a ${type} message`)
  }
}
