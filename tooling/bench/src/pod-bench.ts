/**
 * @module What the terminal and logs benchmarks share: kube-sim in its own process (as an API
 * server runs apart from Wharf), a Wharf with the observe plugin that has it as a cluster, one
 * running pod `bench/shell` (container `app`), and percentiles.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import type { Server } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import * as k8s from "@kubernetes/client-node"
import { testBackends } from "@wharf/core/testing"
import { startTestWharf } from "@wharf/server/testing"

export const pct = (samples: number[], p: number) => {
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * kube-sim in a child process (as an API server runs apart from Wharf), its kubeconfig in a
 * temporary folder; it goes with this process, however that ends.
 */
export const spawnKubeSim = async (options: { tickMs: number; nodes: number }) => {
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), "wharf-bench-")), "kubeconfig.yaml")
  const sim = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("../../../fixtures/kube-sim/src/cli.ts", import.meta.url)),
      ...["--port", "0", "--nodes", String(options.nodes), "--tick-ms", String(options.tickMs)],
      ...["--kubeconfig", kubeconfigPath]
    ],
    { stdio: ["ignore", "pipe", "inherit"] }
  )
  process.on("exit", () => sim.kill("SIGTERM"))
  await new Promise<void>((resolve, reject) => {
    let out = ""
    sim.stdout!.on("data", (c: Buffer) => {
      out += c.toString()
      if (out.includes("kubeconfig written")) resolve()
    })
    sim.once("exit", (code) => reject(new Error(`kube-sim exited (${code})`)))
  })
  return { kubeconfigPath, kubeconfig: readFileSync(kubeconfigPath, "utf8"), stop: () => sim.kill("SIGTERM") }
}

/** @param tickMs kube-sim's tick; a container writes a log line every 5 ticks. */
export const startPodBench = async (options: { tickMs: number }) => {
  const wharf = await startTestWharf({
    backend: testBackends()[0]!,
    plugins: ["identity", "clusters", "tenants", "app-catalog", "observe"],
    env: { WHARF_KUBE_SIM: "0" }
  })
  const sim = await spawnKubeSim({ tickMs: options.tickMs, nodes: 2 })
  const kubeconfig = sim.kubeconfig
  const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" }) as Server
  server.on("upgrade", wharf.upgrade)
  await new Promise((r) => server.once("listening", r))
  const port = (server.address() as { port: number }).port
  const admin = wharf.client()
  await admin.signIn()
  const cluster = (
    await admin.rest<{ id: string }>("POST", "/clusters", {
      name: "bench",
      connection: { kind: "kubeconfig", kubeconfig }
    })
  ).body
  const kc = new k8s.KubeConfig()
  kc.loadFromString(kubeconfig)
  const core = kc.makeApiClient(k8s.CoreV1Api)
  await core.createNamespace({ body: { metadata: { name: "bench" } } })
  await core.createNamespacedPod({
    namespace: "bench",
    body: { metadata: { name: "shell" }, spec: { containers: [{ name: "app", image: "busybox:1.36" }] } }
  })
  for (;;) {
    const p = await core.readNamespacedPod({ namespace: "bench", name: "shell" })
    if (p.status?.containerStatuses?.[0]?.state?.running) break
    await sleep(50)
  }
  return {
    kc,
    port,
    clusterId: cluster.id,
    /** Headers of the admin's browser: its session cookie and Wharf's own origin. */
    browserHeaders: {
      cookie: `wharf_session=${admin.cookie("wharf_session")}`,
      origin: `http://127.0.0.1:${port}`
    },
    stop: async () => {
      server.closeAllConnections()
      server.close()
      await wharf.stop()
      sim.stop()
    }
  }
}
