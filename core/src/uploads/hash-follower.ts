/**
 * @module The sha256 of uploads, computed in a worker thread that follows each file as it
 * grows: the request thread only says "the first N bytes of upload X are final", and the
 * worker reads them back (from the page cache) and hashes them. Hashing 2 GB then costs
 * the request thread nothing, and the digest is ready moments after the last byte. After
 * a restart the worker simply starts from byte 0.
 */
import { Worker } from "node:worker_threads"

// Plain JavaScript, evaluated: the worker needs no TypeScript loader, under tsx or vitest.
const WORKER = `
const { parentPort } = require("node:worker_threads")
const { createHash } = require("node:crypto")
const fs = require("node:fs")
const state = new Map()
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024)
const advance = (id, path, to) => {
  let s = state.get(id)
  if (!s) state.set(id, (s = { hash: createHash("sha256"), offset: 0 }))
  if (to <= s.offset) return s
  const fd = fs.openSync(path, "r")
  try {
    while (s.offset < to) {
      const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, to - s.offset), s.offset)
      if (n === 0) throw new Error("the file is shorter than its final bytes")
      s.hash.update(buffer.subarray(0, n))
      s.offset += n
    }
  } finally {
    fs.closeSync(fd)
  }
  return s
}
parentPort.on("message", (m) => {
  try {
    if (m.type === "final") advance(m.id, m.path, m.offset)
    else if (m.type === "forget") state.delete(m.id)
    else if (m.type === "digest") {
      const s = advance(m.id, m.path, m.size)
      state.delete(m.id)
      parentPort.postMessage({ ref: m.ref, sha256: s.hash.digest("hex") })
    }
  } catch (e) {
    state.delete(m.id)
    if (m.ref !== undefined) parentPort.postMessage({ ref: m.ref, error: String(e) })
  }
})
`

export interface HashFollower {
  /** The first `offset` bytes of the file at `path` will not change any more. */
  readonly final: (id: string, path: string, offset: number) => void
  readonly digest: (id: string, path: string, size: number) => Promise<string>
  readonly forget: (id: string) => void
  readonly close: () => Promise<void>
}

export const startHashFollower = (): HashFollower => {
  const worker = new Worker(WORKER, { eval: true })
  // The worker never keeps the server alive on its own.
  worker.unref()
  const waiting = new Map<number, { resolve: (sha: string) => void; reject: (e: Error) => void }>()
  let next = 0
  worker.on("message", (m: { ref: number; sha256?: string; error?: string }) => {
    const w = waiting.get(m.ref)
    waiting.delete(m.ref)
    if (m.sha256) w?.resolve(m.sha256)
    else w?.reject(new Error(m.error ?? "hashing failed"))
  })
  worker.on("error", (e) => {
    for (const w of waiting.values()) w.reject(e)
    waiting.clear()
  })
  return {
    final: (id, path, offset) => worker.postMessage({ type: "final", id, path, offset }),
    digest: (id, path, size) =>
      new Promise((resolve, reject) => {
        const ref = next++
        waiting.set(ref, { resolve, reject })
        worker.postMessage({ type: "digest", id, path, size, ref })
      }),
    forget: (id) => worker.postMessage({ type: "forget", id }),
    close: async () => {
      await worker.terminate()
    }
  }
}
