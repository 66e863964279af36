/** @module The terminal's WebSocket messages and the logs' event stream, shared by server and console. */

/** A container of a pod on a registered cluster: what the terminal and logs pages open. */
export interface PodContainer {
  readonly clusterId: string
  readonly namespace: string
  readonly pod: string
  readonly container: string
}

/** Shells offered in the terminal; the first is the default (every image has one). */
export const SHELLS = ["sh", "bash", "ash"] as const
export type ShellName = (typeof SHELLS)[number]

/**
 * Terminal wire format over Wharf's WebSocket: keystrokes and output travel as binary frames
 * (bytes as the terminal wrote them); control messages as JSON text frames.
 */
export type TerminalClientMessage = { readonly type: "resize"; readonly cols: number; readonly rows: number }

/** Why Wharf ended a terminal session (the console says so in words and offers to reconnect). */
export type TerminalCloseReason = "idle" | "signedOut" | "cluster" | "shutdown"

export type TerminalServerMessage =
  | {
      readonly type: "ready"
      readonly container: string
      readonly shell: string
      readonly idleSeconds: number
    }
  | { readonly type: "exit"; readonly code: number; readonly message?: string }
  | { readonly type: "closed"; readonly reason: TerminalCloseReason; readonly detail?: string }

/** One log line: the container runtime's timestamp (RFC 3339) and the text the app printed. */
export interface LogLine {
  readonly t: string
  readonly text: string
}

/**
 * Lines a log view keeps: the browser holds the last LOG_VIEW_LINES (older ones scroll away);
 * the server holds at most LOG_SEND_LINES not yet sent to a slow reader, then drops the oldest
 * and says how many (`dropped` event).
 */
export const LOG_VIEW_LINES = 10_000
export const LOG_SEND_LINES = 2_000

/** What the logs' event stream sends: `lines` (a batch), `dropped` (count), `end` (the container stopped). */
export interface LogBatch {
  readonly lines: ReadonlyArray<LogLine>
}

/** A container as the terminal and logs pages offer it. */
export interface ContainerInfo {
  readonly name: string
  readonly image: string
  readonly state: "running" | "waiting" | "terminated" | "unknown"
  /** Why it is waiting or terminated (CrashLoopBackOff, Completed...). */
  readonly reason: string | null
  readonly restarts: number
  /** A previous run's log exists (the container restarted). */
  readonly hasPrevious: boolean
}

export interface PodInfo {
  readonly pod: string
  readonly namespace: string
  readonly node: string | null
  /** The app instance the pod belongs to (its `wharf.io/app-instance` label), if any. */
  readonly app: string | null
  readonly containers: ReadonlyArray<ContainerInfo>
}
