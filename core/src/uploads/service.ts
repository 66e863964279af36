/**
 * @module The `Uploads` service: resumable uploads (tus) any plugin uses. A client uploads
 * to /uploads naming a purpose a plugin declared; the finished file gets its sha256 and
 * a row in `wharf.uploads`; the plugin claims it in its own transaction and serves it
 * back through `download` after its own authorization check. Unclaimed uploads expire.
 */
import { createHash, randomBytes } from "node:crypto"
import { join } from "node:path"
import { Readable } from "node:stream"
import { EVENTS, Upload } from "@tus/server"
import { Context, Effect, Layer } from "effect"
import { WharfConfig } from "../config"
import { Db, type DbError } from "../db/Db"
import { Invalid } from "../errors"
import { Extensions } from "../extensions"
import type { JobDefinition } from "../plugin"
import type { Viewer } from "../roles"
import { fileResponse } from "./download"
import { CHECKSUM_ALGORITHMS, hashWrites, parseChecksum, requestChecksum } from "./hashing"
import { checkFile, type UploadPurpose, uploadPurposes } from "./purposes"
import {
  type ClaimRequest,
  claimUploads,
  deleteUploadRow,
  expiredUploads,
  findUpload,
  finishUpload,
  insertUpload,
  type UploadRecord
} from "./records"
import { fileUploadStore, type UploadStore } from "./store"
import { currentCaller, guestCredential, makeTusServer } from "./tus"

export interface UploadsShape {
  /** Answer one tus request (anything under /uploads) for `viewer`. */
  readonly handle: (request: Request, viewer: Viewer | null) => Promise<Response>
  readonly find: (id: string) => Effect.Effect<UploadRecord | null, DbError>
  /** See `claimUploads`: run inside the claiming plugin's transaction. */
  readonly claim: (request: ClaimRequest) => Effect.Effect<ReadonlyArray<UploadRecord>, Invalid | DbError>
  /** The file as an HTTP response (200, or 206/416 for a `Range`); authorize before calling. */
  readonly download: (upload: UploadRecord, range: string | null | undefined) => Response
  /**
   * Store a file the server itself received (a mail's attachment) as a finished upload of
   * `owner`, under the same purpose limits as a tus upload; claim it like any other.
   */
  readonly put: (file: {
    purpose: string
    owner: string
    filename: string
    contentType: string
    bytes: Uint8Array
  }) => Effect.Effect<UploadRecord, Invalid | DbError>
  /** Delete expired unclaimed uploads, bytes and rows; returns how many. */
  readonly expire: Effect.Effect<number, DbError>
  readonly purposes: ReadonlyArray<UploadPurpose>
}

export class Uploads extends Context.Service<Uploads, UploadsShape>()("wharf/Uploads") {}

const tusHeaders = { "tus-resumable": "1.0.0", "content-type": "text/plain; charset=utf-8" }

/** What the tus server answers to one request of `viewer` (its checksum read first). */
const tusEndpoint =
  (tus: ReturnType<typeof makeTusServer>) =>
  async (request: Request, viewer: Viewer | null): Promise<Response> => {
    // Files leave through the claiming plugin's download route, after its own check.
    if (request.method === "GET") {
      return new Response("Download files where they are attached\n", {
        status: 404,
        headers: tusHeaders
      })
    }
    const checksum = parseChecksum(request.headers.get("upload-checksum"))
    if (checksum === "unsupported" || checksum === "malformed") {
      const body =
        checksum === "unsupported"
          ? `Upload-Checksum: use one of ${CHECKSUM_ALGORITHMS.join(", ")}`
          : "Upload-Checksum: write it as `<algorithm> <base64 digest>`"
      return new Response(`${body}\n`, { status: 400, headers: tusHeaders })
    }
    const response = await currentCaller.run({ viewer, guest: guestCredential(request) }, () =>
      requestChecksum.run(checksum, () => tus.handleWeb(request))
    )
    if (request.method === "OPTIONS")
      response.headers.set("tus-checksum-algorithm", CHECKSUM_ALGORITHMS.join(","))
    return response
  }

/** Expired, unclaimed uploads go (bytes, hash state, row) in batches, so one run stays short. */
const expireAll = (store: UploadStore, hashing: ReturnType<typeof hashWrites>) =>
  Effect.gen(function* () {
    let removed = 0
    while (true) {
      const batch = yield* expiredUploads(200)
      for (const { id } of batch) {
        yield* Effect.promise(() => store.remove(id))
        hashing.forget(id)
        yield* deleteUploadRow(id)
      }
      removed += batch.length
      if (batch.length < 200) return removed
    }
  })

/**
 * A file the server itself received (a mail's attachment, say), stored like a tus upload so
 * both kinds look alike to whoever claims them.
 */
const putFile =
  (deps: {
    readonly store: UploadStore
    readonly hashing: ReturnType<typeof hashWrites>
    readonly byPurpose: ReadonlyMap<string, UploadPurpose>
    readonly maxBytes: number
    readonly expiryMs: number
  }) =>
  (file: Parameters<UploadsShape["put"]>[0]) =>
    Effect.gen(function* () {
      const checked = checkFile(deps.byPurpose, deps.maxBytes, {
        ...file,
        size: file.bytes.byteLength
      })
      if (!checked.ok) return yield* new Invalid({ message: checked.message })
      // The id is made like FileStore makes it, so both kinds of upload look alike.
      const id = randomBytes(16).toString("hex")
      const size = file.bytes.byteLength
      // Bytes without a row would never expire: a failure below takes them away again.
      yield* Effect.addFinalizer((exit) =>
        exit._tag === "Failure"
          ? Effect.promise(() => deps.store.remove(id)).pipe(Effect.ignore)
          : Effect.void
      )
      yield* Effect.promise(() => deps.store.tus.create(new Upload({ id, size, offset: 0, metadata: {} })))
      yield* Effect.promise(() => deps.store.tus.write(Readable.from([Buffer.from(file.bytes)]), id, 0))
      // Its sha256 is taken here; the hash worker need not follow it.
      deps.hashing.forget(id)
      yield* insertUpload({
        id,
        owner: file.owner,
        purpose: file.purpose,
        filename: checked.filename,
        contentType: checked.contentType,
        size,
        expiresAt: new Date(Date.now() + deps.expiryMs)
      })
      yield* finishUpload(id, createHash("sha256").update(file.bytes).digest("hex"))
      return (yield* findUpload(id))!
    }).pipe(Effect.scoped)

/**
 * Build the service. It must sit on top of every plugin's layer: a purpose's guest check
 * runs on this layer's context, which then holds the plugins' services.
 */
export const makeUploadsLayer = (
  makeStore?: (config: { dataDir: string; expiryMs: number }) => UploadStore
) =>
  Layer.effect(
    Uploads,
    Effect.gen(function* () {
      const config = yield* WharfConfig
      const db = yield* Db
      const purposes = (yield* Extensions).get(uploadPurposes)
      const context = yield* Effect.context<never>()
      const run = <A>(effect: Effect.Effect<A, unknown, any>) =>
        Effect.runPromiseWith(context)(effect as Effect.Effect<A, unknown, never>)
      const expiryMs = config.uploadExpiryHours * 3_600_000
      const store = (makeStore ?? ((c) => fileUploadStore(join(c.dataDir, "uploads"), c.expiryMs)))({
        dataDir: config.dataDir,
        expiryMs
      })
      const byPurpose = new Map(purposes.map((p) => [p.purpose, p]))
      const hashing = hashWrites(store)
      yield* Effect.addFinalizer(() => Effect.promise(() => hashing.close()))
      store.tus.extensions = [...store.tus.extensions, "checksum"]
      const tus = makeTusServer({
        store,
        hashing,
        maxBytes: config.uploadMaxBytes,
        expiryMs,
        purposes: byPurpose,
        run
      })

      tus.on(EVENTS.POST_TERMINATE, (_req, _res, id: string) => hashing.forget(id))

      const put = putFile({ store, hashing, byPurpose, maxBytes: config.uploadMaxBytes, expiryMs })
      const handle = tusEndpoint(tus)
      const expire = expireAll(store, hashing)

      return Uploads.of({
        handle,
        put: (file) => Effect.provideService(put(file), Db, db),
        // Only Db is provided: a caller's open transaction (a Context.Reference) stays in effect.
        find: (id) => Effect.provideService(findUpload(id), Db, db),
        claim: (request) => Effect.provideService(claimUploads(request), Db, db),
        download: (upload, range) => fileResponse(store, upload, range),
        expire: Effect.provideService(expire, Db, db),
        purposes
      })
    })
  )

/** The default service: files under `WHARF_DATA_DIR/uploads`. */
export const uploadsLayer = makeUploadsLayer()

/** Core's own job: expired, unclaimed uploads go, bytes and rows. */
export const expireUploadsJob: JobDefinition = {
  id: "wharf.uploads-expire",
  schedule: { every: "15 minutes" },
  run: Uploads.use((u) => u.expire)
}
