/**
 * @module One terminal's connection to Wharf: keystrokes and output as binary frames, resizes
 * as JSON. A connection that drops without Wharf saying why (network, a restarted server) is
 * retried three times with growing pauses; one Wharf ended (exit, idle, sign-out, the
 * cluster) is not, and the page says what happened.
 */
import { t } from "@wharf/core/web"
import type { Terminal } from "@xterm/xterm"
import type { PodContainer, TerminalServerMessage } from "../shared"
import { fetchPod, terminalSocketUrl } from "./api"

export type TerminalState =
  | { readonly kind: "connecting" }
  | { readonly kind: "connected"; readonly shell: string; readonly idleSeconds: number }
  | { readonly kind: "reconnecting"; readonly attempt: number; readonly seconds: number }
  | { readonly kind: "closed"; readonly message: string }

const RETRY_SECONDS = [1, 2, 4]

const closedMessage = (m: TerminalServerMessage, idleSeconds: number): string => {
  if (m.type === "exit") return t("observe.closed.exit", { code: m.code })
  if (m.type !== "closed") return t("observe.closed.shutdown")
  if (m.reason === "idle")
    return t("observe.closed.idle", { minutes: Math.max(1, Math.round(idleSeconds / 60)) })
  if (m.reason === "cluster") return t("observe.closed.cluster", { detail: m.detail ? `: ${m.detail}` : "" })
  return t(`observe.closed.${m.reason}`)
}

export const openTerminalSession = (options: {
  term: Terminal
  target: PodContainer
  shell: string
  onState: (state: TerminalState) => void
  /** Says why a refused connection was refused (the pod is gone, access was withdrawn). */
  describe: (error: unknown) => string
}) => {
  const { term, target } = options
  const encoder = new TextEncoder()
  let ws: WebSocket | undefined
  let attempt = 0
  let idleSeconds = 900
  let retry: ReturnType<typeof setTimeout> | undefined
  let disposed = false

  /** A line in the terminal itself, in yellow, so the scrollback shows what happened when. */
  const notice = (text: string) => term.write(`\r\n\x1b[33m${text}\x1b[0m\r\n`)
  const close = (message: string) => {
    notice(message)
    options.onState({ kind: "closed", message })
  }

  const connect = () => {
    if (disposed) return
    options.onState({ kind: "connecting" })
    const socket = new WebSocket(terminalSocketUrl(target, options.shell, term.cols, term.rows))
    socket.binaryType = "arraybuffer"
    ws = socket
    let ended: TerminalServerMessage | undefined
    socket.onmessage = (e) => {
      if (e.data instanceof ArrayBuffer) {
        term.write(new Uint8Array(e.data))
        return
      }
      const m = JSON.parse(String(e.data)) as TerminalServerMessage
      if (m.type === "ready") {
        attempt = 0
        idleSeconds = m.idleSeconds
        options.onState({ kind: "connected", shell: m.shell, idleSeconds: m.idleSeconds })
        term.focus()
      } else ended = m
    }
    socket.onclose = () => {
      if (ws !== socket || disposed) return
      if (ended) return close(closedMessage(ended, idleSeconds))
      if (attempt >= RETRY_SECONDS.length) return close(t("observe.closed.network"))
      // A refused upgrade looks like a dropped one in the browser: ask why before retrying.
      fetchPod(target).then(
        () => {
          const seconds = RETRY_SECONDS[attempt++]!
          options.onState({ kind: "reconnecting", attempt, seconds })
          retry = setTimeout(connect, seconds * 1000)
        },
        (error: unknown) => close(options.describe(error))
      )
    }
  }

  const input = term.onData((data) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(encoder.encode(data))
  })
  const resize = term.onResize(({ cols, rows }) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: "resize", cols, rows }))
  })

  connect()
  return {
    /** A fresh connection after Wharf ended the last one (the Reconnect button, Enter). */
    reconnect: () => {
      clearTimeout(retry)
      attempt = 0
      ws?.close()
      ws = undefined
      term.write("\r\n")
      connect()
    },
    dispose: () => {
      disposed = true
      clearTimeout(retry)
      input.dispose()
      resize.dispose()
      ws?.close()
    }
  }
}
