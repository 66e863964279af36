/** @module WebSocket endpoints a plugin offers (a pod's terminal): what the host checked, and a refusal. */
import type { IncomingMessage } from "node:http"
import type { Duplex } from "node:stream"
import type { RunEffect } from "./runner"
import type { Viewer } from "./viewer"

/** Who opened a WebSocket: the host has checked the session (or token) and the page's Origin. */
export interface SocketSession {
  readonly viewer: Viewer
  /** Runs a service effect as this viewer (core's Audit records it as the actor). */
  readonly run: RunEffect
  /** False once the session that opened the socket has ended (signed out, expired, revoked). */
  readonly stillSignedIn: () => Promise<boolean>
  readonly ip: string
}

/**
 * A WebSocket endpoint at `/api/v1<path>` (the exact path; parameters in the query). The host
 * refuses the upgrade without a signed-in viewer or from another site's page; `accept` decides
 * the rest (authorization) and completes or refuses the upgrade itself.
 */
export interface SocketRoute {
  readonly path: string
  readonly accept: (request: IncomingMessage, socket: Duplex, head: Buffer, session: SocketSession) => void
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  503: "Service Unavailable"
}

/** Answers an upgrade with a plain HTTP refusal (before switching protocols), in Wharf's `{ error }` shape. */
export const refuseUpgrade = (socket: Duplex, status: number, message: string) => {
  const body = JSON.stringify({ error: { message } })
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  )
}
