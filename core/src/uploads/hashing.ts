/**
 * @module Hashing while bytes stream in. Two jobs: the tus checksum extension (a PATCH
 * carrying `Upload-Checksum: sha1 <base64>` is verified, and cut off again when it does
 * not match: 460), and the file's sha256, kept running across chunks so a 2 GB file is
 * not read again when it finishes. After a restart (or on another replica) the running
 * hash is gone and the finished file is hashed from the store instead.
 */
import { AsyncLocalStorage } from "node:async_hooks"
import { createHash, type Hash } from "node:crypto"
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
}

/** Wrap `store.tus.write` so every chunk is hashed on its way to the store. */
export const hashWrites = (store: UploadStore): Hashing => {
  const running = new Map<string, { hash: Hash; offset: number }>()
  const write = store.tus.write.bind(store.tus)
  store.tus.write = async (readable, id, offset) => {
    const expected = requestChecksum.getStore() ?? null
    const previous = running.get(id)
    // Work on a copy: a chunk that fails its checksum must leave the running hash as it was.
    const whole =
      offset === 0 ? createHash("sha256") : previous?.offset === offset ? previous.hash.copy() : null
    running.delete(id)
    const chunk = expected ? createHash(expected.algorithm) : null
    let seen = 0
    // A generator, not a Transform: one stream hop less per 64 KiB piece of the body.
    async function* tap() {
      for await (const data of readable as AsyncIterable<Buffer>) {
        seen += data.length
        whole?.update(data)
        chunk?.update(data)
        yield data
      }
    }
    const newOffset = await write(tap() as unknown as Parameters<typeof write>[0], id, offset)
    if (chunk && expected && chunk.digest("base64") !== expected.digest) {
      await store.truncate(id, offset)
      if (previous && previous.offset === offset) running.set(id, previous)
      throw CHECKSUM_MISMATCH
    }
    // Only a hash that saw exactly the bytes the store kept may be continued.
    if (whole && newOffset === offset + seen) running.set(id, { hash: whole, offset: newOffset })
    return newOffset
  }
  return {
    sha256Of: async (id, size) => {
      const kept = running.get(id)
      running.delete(id)
      if (kept && kept.offset === size) return kept.hash.digest("hex")
      const hash = createHash("sha256")
      for await (const data of store.read(id)) hash.update(data as Buffer)
      return hash.digest("hex")
    },
    forget: (id) => {
      running.delete(id)
    }
  }
}
