/**
 * @module A pod's terminal: the console's WebSocket at /api/v1/observe/terminal, bridged to the
 * Kubernetes exec API (client-node's Exec: v5.channel.k8s.io, a TTY, resizes). The session
 * ends when the shell exits, after WHARF_TERMINAL_IDLE seconds without a keystroke (default
 * 900), when the viewer signs out, or when the cluster drops the stream; each is audited.
 */
import type { IncomingMessage } from "node:http"
import type { Duplex } from "node:stream"
import { PassThrough } from "node:stream"
import * as k8s from "@kubernetes/client-node"
import {
  Audit,
  httpStatusOf,
  isWharfError,
  refuseUpgrade,
  type SocketRoute,
  type SocketSession
} from "@wharf/core"
import { KubeClients } from "@wharf/plugin-clusters/shared"
import { SessionChanges } from "@wharf/plugin-identity/shared"
import { Effect, Option } from "effect"
import { type RawData, type WebSocket, WebSocketServer } from "ws"
import {
  SHELLS,
  type ShellName,
  type TerminalClientMessage,
  type TerminalCloseReason,
  type TerminalServerMessage
} from "../shared"
import { allowedPod } from "./access"
import { ObserveSettings } from "./settings"

/** Sign-out reaches an open terminal by identity's `SessionChanges` at once; this check also
 * catches a session that expired or a change whose notice was lost (another replica's). */
const SESSION_CHECK_MS = 30_000
/** Pings keep proxies from closing a quiet terminal (and find dead browsers). */
const PING_MS = 30_000

const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })

const clampSize = (n: unknown, fallback: number) =>
  typeof n === "number" && Number.isInteger(n) && n > 0 && n <= 1000 ? n : fallback

/** The exit code in a V1Status from the exec stream (0 for Success). */
const exitCodeOf = (status: k8s.V1Status): number => {
  if (status.status === "Success") return 0
  const cause = status.details?.causes?.find((c) => c.reason === "ExitCode")
  return cause?.message ? Number(cause.message) : 1
}

interface Params {
  readonly clusterId: string
  readonly namespace: string
  readonly pod: string
  readonly container: string | undefined
  readonly shell: ShellName
  readonly cols: number
  readonly rows: number
}

const paramsOf = (url: URL): Params | string => {
  const q = url.searchParams
  const clusterId = q.get("cluster")
  const namespace = q.get("namespace")
  const pod = q.get("pod")
  if (!clusterId || !namespace || !pod)
    return "Name the cluster, namespace and pod (?cluster=&namespace=&pod=)"
  const shell = q.get("shell") ?? "sh"
  if (!(SHELLS as ReadonlyArray<string>).includes(shell))
    return `The shell must be one of ${SHELLS.join(", ")}`
  return {
    clusterId,
    namespace,
    pod,
    container: q.get("container") || undefined,
    shell: shell as ShellName,
    cols: clampSize(Number(q.get("cols")), 80),
    rows: clampSize(Number(q.get("rows")), 24)
  }
}

const send = (ws: WebSocket, message: TerminalServerMessage) => {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
}

/** Bridges an accepted browser socket to an exec stream until one side ends. */
const bridge = (
  ws: WebSocket,
  kubeConfig: k8s.KubeConfig,
  p: Params & { container: string },
  session: SocketSession,
  onSessionChange: (listener: () => void) => () => void,
  idleSeconds: number
) => {
  const startedAt = new Date().toISOString()
  const target = `${p.clusterId}/${p.namespace}/${p.pod}/${p.container}`
  const detail = {
    cluster: p.clusterId,
    namespace: p.namespace,
    pod: p.pod,
    container: p.container,
    shell: p.shell
  }
  const audit = (action: string, extra: Record<string, unknown>) =>
    session
      .run(
        Audit.use((a) =>
          a.record({ action, target, tenant: p.namespace, ip: session.ip, detail: { ...detail, ...extra } })
        )
      )
      .catch(() => {})
  void audit("observe.terminal.open", { startedAt })

  // client-node resizes when the stdout stream has rows/columns and emits "resize".
  const stdout = Object.assign(new PassThrough(), { columns: p.cols, rows: p.rows })
  const stdin = new PassThrough()
  let exec: { close: () => void } | undefined
  let ended = false
  const end = (code: number, message: TerminalServerMessage, reason: string) => {
    if (ended) return
    ended = true
    clearTimeout(idle)
    clearInterval(checks)
    stopHearing()
    clearInterval(pings)
    send(ws, message)
    ws.close(code)
    stdin.end()
    exec?.close()
    void audit("observe.terminal.session", { startedAt, endedAt: new Date().toISOString(), reason })
  }
  const closeFor = (reason: TerminalCloseReason, detail?: string) =>
    end(4000, { type: "closed", reason, ...(detail ? { detail } : {}) }, reason)

  const idle = setTimeout(() => closeFor("idle"), idleSeconds * 1000)
  const check = () =>
    void session.stillSignedIn().then((ok) => {
      if (!ok) closeFor("signedOut")
    })
  const checks = setInterval(check, SESSION_CHECK_MS)
  // Told of a possible sign-out (any viewer's): check this one once the change has settled.
  const stopHearing = onSessionChange(() => setTimeout(check, 0))
  const pings = setInterval(() => ws.ping(), PING_MS)

  stdout.on("data", (chunk: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(chunk, { binary: true })
  })
  ws.on("message", (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      // A keystroke is on the echo's path: restart the idle timer in place, not a new one each time.
      idle.refresh()
      stdin.write(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer))
      return
    }
    try {
      const m = JSON.parse(data.toString()) as TerminalClientMessage
      if (m.type === "resize") {
        stdout.columns = clampSize(m.cols, stdout.columns)
        stdout.rows = clampSize(m.rows, stdout.rows)
        stdout.emit("resize")
      }
    } catch {
      // Not a control message: ignored rather than typed into the shell.
    }
  })
  ws.on("close", () => end(1000, { type: "closed", reason: "shutdown" }, "browser"))

  new k8s.Exec(kubeConfig)
    .exec(p.namespace, p.pod, p.container, [p.shell], stdout, stdout, stdin, true, (status) => {
      const code = exitCodeOf(status)
      end(
        1000,
        { type: "exit", code, ...(status.message ? { message: status.message } : {}) },
        `exit ${code}`
      )
    })
    .then(
      (conn) => {
        exec = conn
        if (ended) conn.close()
        else send(ws, { type: "ready", container: p.container, shell: p.shell, idleSeconds })
        // The cluster closed the stream without an exit status (API server restarted, pod deleted).
        conn.addEventListener("close", () => closeFor("cluster"))
      },
      (e: Error) => closeFor("cluster", e.message)
    )
}

export const terminalSocket: SocketRoute = {
  path: "/observe/terminal",
  accept: (request: IncomingMessage, socket: Duplex, head: Buffer, session: SocketSession) => {
    const p = paramsOf(new URL(request.url ?? "/", "http://wharf"))
    if (typeof p === "string") return refuseUpgrade(socket, 400, p)
    session
      .run(
        Effect.gen(function* () {
          const allowed = yield* allowedPod(p)
          const kubeConfig = yield* (yield* KubeClients).config(p.clusterId)
          const changes = yield* Effect.serviceOption(SessionChanges)
          const onSessionChange = Option.match(changes, {
            onNone: () => () => () => {},
            onSome: (c) => c.subscribe
          })
          const { terminalIdleSeconds } = yield* ObserveSettings
          return { container: allowed.container, kubeConfig, onSessionChange, terminalIdleSeconds }
        })
      )
      .then(
        ({ container, kubeConfig, onSessionChange, terminalIdleSeconds }) =>
          wss.handleUpgrade(request, socket, head, (ws) =>
            bridge(ws, kubeConfig, { ...p, container }, session, onSessionChange, terminalIdleSeconds)
          ),
        (e: unknown) =>
          isWharfError(e)
            ? refuseUpgrade(socket, httpStatusOf[e._tag], e.message)
            : refuseUpgrade(socket, 503, "Wharf could not open the terminal; the details are in its log")
      )
  }
}
