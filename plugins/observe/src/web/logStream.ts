/**
 * @module Following a container's log: the server's event stream read with fetch (so a
 * refusal's status and words reach the page, which EventSource hides). A stream that drops
 * is resumed from its last line (`sinceTime`), and lines seen already are skipped.
 */
import { HttpError } from "@wharf/core/web"
import type { LogLine, PodContainer } from "../shared"
import { type LogOptions, logsStreamUrl } from "./api"

export type LogStreamState =
  | { readonly kind: "connecting" }
  | { readonly kind: "following" }
  | { readonly kind: "reconnecting" }
  | { readonly kind: "ended" }
  | { readonly kind: "failed"; readonly error: unknown }

const RETRY_MS = 2000

export const followLog = (options: {
  target: PodContainer
  log: LogOptions
  onLines: (lines: ReadonlyArray<LogLine>) => void
  onDropped: (count: number) => void
  onState: (state: LogStreamState) => void
}) => {
  const abort = new AbortController()
  let last = ""
  let retry: ReturnType<typeof setTimeout> | undefined

  const handle = (event: string, data: string) => {
    if (event === "ready") options.onState({ kind: "following" })
    else if (event === "dropped") options.onDropped((JSON.parse(data) as { count: number }).count)
    else if (event === "end") options.onState({ kind: "ended" })
    else if (event === "lines") {
      const lines = (JSON.parse(data) as { lines: LogLine[] }).lines.filter(
        (l) => !last || !l.t || l.t > last
      )
      if (lines.length === 0) return
      last = lines.at(-1)!.t || last
      options.onLines(lines)
    }
  }

  const read = async () => {
    const res = await fetch(logsStreamUrl(options.target, options.log, last || undefined), {
      signal: abort.signal,
      credentials: "include"
    })
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as {
        error?: { message?: string; reason?: string; params?: Record<string, string> }
      } | null
      throw new HttpError(
        res.status,
        body?.error?.message ?? res.statusText,
        undefined,
        body?.error?.reason,
        body?.error?.params
      )
    }
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ""
    let ended = false
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      for (let cut = buffer.indexOf("\n\n"); cut >= 0; cut = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event && data) {
          handle(event, data)
          if (event === "end") ended = true
        }
      }
    }
    return ended
  }

  const run = () => {
    read().then(
      (ended) => {
        if (!ended && !abort.signal.aborted) {
          options.onState({ kind: "reconnecting" })
          retry = setTimeout(run, RETRY_MS)
        }
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        // A refusal is final; a dropped connection is resumed from the last line.
        if (error instanceof HttpError) return options.onState({ kind: "failed", error })
        options.onState({ kind: "reconnecting" })
        retry = setTimeout(run, RETRY_MS)
      }
    )
  }
  options.onState({ kind: "connecting" })
  run()
  return () => {
    clearTimeout(retry)
    abort.abort()
  }
}
