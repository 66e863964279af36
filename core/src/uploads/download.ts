/**
 * @module Serving a finished upload: streamed from the store, one byte range when asked
 * (`Range: bytes=…`, so a 2 GB download can resume), always as an attachment under its
 * original name (RFC 6266 `filename*`, so 诊断包.zip arrives as 诊断包.zip) and never
 * sniffed into something a browser would render.
 */
import { Readable } from "node:stream"
import { withoutBidiControls } from "./names"
import type { UploadRecord } from "./records"
import type { UploadStore } from "./store"

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` over `size` bytes; null when absent or not one range. */
export const parseRange = (header: string | null | undefined, size: number) => {
  if (!header) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === "" && m[2] === "")) return "invalid" as const
  let start: number
  let end: number
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]))
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1)
  }
  if (start > end || start >= size) return "unsatisfiable" as const
  return { start, end }
}

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`. */
export const contentDisposition = (name: string) => {
  // Names stored before uploads dropped them may still hold bidirectional controls.
  const filename = withoutBidiControls(name)
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

export const fileResponse = (
  store: UploadStore,
  upload: UploadRecord,
  rangeHeader: string | null | undefined
) => {
  const headers = new Headers({
    "content-type": upload.contentType || "application/octet-stream",
    "content-disposition": contentDisposition(upload.filename),
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-cache",
    ...(upload.sha256 ? { etag: `"${upload.sha256}"` } : {})
  })
  const range = parseRange(rangeHeader, upload.size)
  if (range === "unsatisfiable" || (range === "invalid" && upload.size === 0)) {
    headers.set("content-range", `bytes */${upload.size}`)
    return new Response(null, { status: 416, headers })
  }
  if (range && range !== "invalid") {
    headers.set("content-range", `bytes ${range.start}-${range.end}/${upload.size}`)
    headers.set("content-length", String(range.end - range.start + 1))
    return new Response(Readable.toWeb(store.read(upload.id, range)) as ReadableStream, {
      status: 206,
      headers
    })
  }
  headers.set("content-length", String(upload.size))
  if (upload.size === 0) return new Response(null, { status: 200, headers })
  return new Response(Readable.toWeb(store.read(upload.id)) as ReadableStream, { status: 200, headers })
}
