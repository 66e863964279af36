/**
 * @module Reading a tus request's body straight from its web stream into the store. The
 * stock handler turns the body into a Node stream and pipes it through a PassThrough and
 * a size-limiting Transform before the store sees it: three hops per 64 KiB piece, which
 * on a loaded machine cost more than the disk. This reader keeps its rules — at most
 * `maxBytes`, stop (keeping what arrived) when the request is aborted for another one
 * that wants the lock, a broken connection is "aborted" — with one async iteration.
 */
import { ERRORS, type Server, type Upload } from "@tus/server"

type Handler = Server["handlers"]["PATCH"]
interface CancellationContext {
  readonly signal: AbortSignal
}

async function writeToStore(
  this: Handler,
  body: ReadableStream<Uint8Array> | null,
  upload: Upload,
  maxBytes: number,
  context: CancellationContext
): Promise<number> {
  if (context.signal.aborted) throw ERRORS.ABORTED
  if (!body) return this.store.write((async function* () {})() as never, upload.id, upload.offset)
  const reader = body.getReader()
  // Another request took the lock: end this body where it is, without destroying the
  // connection (the client reads the answer and resumes from the offset it names). Each
  // read gets its own listener: racing every read against one long-lived promise would
  // keep every piece of the body reachable from it.
  const signal = context.signal
  const read = () =>
    new Promise<ReadableStreamReadResult<Uint8Array>>((resolve, reject) => {
      if (signal.aborted) return resolve({ done: true, value: undefined })
      const stop = () => resolve({ done: true, value: undefined })
      signal.addEventListener("abort", stop, { once: true })
      reader.read().then(
        (r) => {
          signal.removeEventListener("abort", stop)
          resolve(r)
        },
        (e) => {
          signal.removeEventListener("abort", stop)
          reject(e)
        }
      )
    })
  let broken = false
  let received = 0
  async function* pieces() {
    while (true) {
      let next: ReadableStreamReadResult<Uint8Array>
      try {
        next = await read()
      } catch (e) {
        broken = true
        throw e
      }
      if (next.done) return
      received += next.value.byteLength
      if (received > maxBytes) throw ERRORS.ERR_MAX_SIZE_EXCEEDED
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
    }
  }
  try {
    return await this.store.write(pieces() as never, upload.id, upload.offset)
  } catch (e) {
    throw broken ? ERRORS.ABORTED : e
  } finally {
    try {
      reader.releaseLock()
    } catch {}
  }
}

/** Make the tus server's PATCH and POST (creation-with-upload) read bodies this way. */
export const readBodiesDirectly = (server: Server) => {
  for (const handler of [server.handlers.PATCH, server.handlers.POST]) {
    ;(handler as unknown as { writeToStore: typeof writeToStore }).writeToStore = writeToStore
  }
}
