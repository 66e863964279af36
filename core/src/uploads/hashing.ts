/**
 * @module Hashing uploads. Two jobs: the tus checksum extension (a PATCH carrying
 * `Upload-Checksum: sha1 <base64>` is verified, and cut off again when it does not match:
 * 460), and the file's sha256. For a local store the sha256 is computed off the request
 * thread as the file grows (`hash-follower`); for others it is read back at the end.
 */
import { AsyncLocalStorage } from "node:async_hooks"
import { createHash } from "node:crypto"
import { startHashFollower } from "./hash-follower"
import type { UploadStore } from "./store"

export const CHECKSUM_ALGORITHMS = ["sha1", "sha256", "md5"] as const
type Algorithm = (typeof CHECKSUM_ALGORITHMS)[number]

export interface ExpectedChecksum {
  readonly algorithm: Algorithm
  readonly digest: string
}

/** `Upload-Checksum: <algorithm> <base64>`; "unsupported" when the algorithm is not ours. */
export const parseChecksum = (
  header: string | null
): ExpectedChecksum | "unsupported" | "malformed" | null => {
  if (header === null) return null
  const [algorithm, digest, ...rest] = header.trim().split(/\s+/)
  if (!algorithm || !digest || rest.length > 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(digest)) return "malformed"
  return (CHECKSUM_ALGORITHMS as ReadonlyArray<string>).includes(algorithm)
    ? { algorithm: algorithm as Algorithm, digest }
    : "unsupported"
}

/** The checksum the current request declared, set around each tus request. */
export const requestChecksum = new AsyncLocalStorage<ExpectedChecksum | null>()

export const CHECKSUM_MISMATCH = { status_code: 460, body: "Checksum Mismatch: the chunk was discarded\n" }

export interface Hashing {
  /** The sha256 (hex) of a finished upload of `size` bytes. */
  readonly sha256Of: (id: string, size: number) => Promise<string>
  readonly forget: (id: string) => void
  readonly close: () => Promise<void>
}

/** Wrap `store.tus.write` to verify checksums, and follow the bytes for the sha256. */
export const hashWrites = (store: UploadStore): Hashing => {
  const path = store.localPath
  const follower = path ? startHashFollower() : null
  // Bytes are final once written, unless the request carries a checksum still to verify.
  store.onWritten = (id, offset) => {
    if (follower && path && !requestChecksum.getStore()) follower.final(id, path(id), offset)
  }
  const write = store.tus.write.bind(store.tus)
  store.tus.write = async (readable, id, offset) => {
    const expected = requestChecksum.getStore() ?? null
    if (!expected) return write(readable, id, offset)
    const chunk = createHash(expected.algorithm)
    // A generator, not a Transform: one stream hop less per 64 KiB piece of the body.
    async function* tap() {
      for await (const data of readable as AsyncIterable<Buffer>) {
        chunk.update(data)
        yield data
      }
    }
    const newOffset = await write(tap() as unknown as Parameters<typeof write>[0], id, offset)
    if (chunk.digest("base64") !== expected.digest) {
      await store.truncate(id, offset)
      throw CHECKSUM_MISMATCH
    }
    if (follower && path) follower.final(id, path(id), newOffset)
    return newOffset
  }
  const readBack = async (id: string) => {
    const hash = createHash("sha256")
    for await (const data of store.read(id)) hash.update(data as Buffer)
    return hash.digest("hex")
  }
  return {
    sha256Of: (id, size) =>
      follower && path ? follower.digest(id, path(id), size).catch(() => readBack(id)) : readBack(id),
    forget: (id) => follower?.forget(id),
    close: async () => {
      await follower?.close()
    }
  }
}
