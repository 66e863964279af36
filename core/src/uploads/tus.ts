/**
 * @module The tus 1.0.0 server at /uploads and the rules Wharf adds to it: who may
 * create (a signed-in user, or a guest the purpose vouches for), which purpose and size,
 * and that only an upload's creator may resume it, read its offset or delete it — every
 * other caller is told it does not exist.
 */
import { AsyncLocalStorage } from "node:async_hooks"
import { Server } from "@tus/server"
import type { Effect } from "effect"
import type { Viewer } from "../roles"
import { readBodiesDirectly } from "./body"
import type { Hashing } from "./hashing"
import { checkFile, GUEST_HEADER, type UploadPurpose, uploadOwner } from "./purposes"
import { findUpload, finishUpload, insertUpload } from "./records"
import type { UploadStore } from "./store"

export const TUS_PATH = "/uploads"

/** Who sent the tus request being handled. */
export const currentCaller = new AsyncLocalStorage<{ viewer: Viewer | null; guest: string | null }>()

/** tus hooks refuse a request by throwing this shape. */
const refuse = (status_code: number, body: string) => ({ status_code, body: `${body}\n` })

const NOT_FOUND = refuse(404, "No such upload")

export interface TusOptions {
  readonly store: UploadStore
  readonly hashing: Hashing
  readonly maxBytes: number
  readonly expiryMs: number
  readonly purposes: ReadonlyMap<string, UploadPurpose>
  /** Run an effect on the server's runtime (database, plugins' guest checks). */
  readonly run: <A>(effect: Effect.Effect<A, unknown, any>) => Promise<A>
}

export const makeTusServer = (o: TusOptions) => {
  const caller = () => currentCaller.getStore() ?? { viewer: null, guest: null }

  /**
   * The owner string the caller has for `purpose`, or null (nobody, or a bad guest
   * credential). A guest credential, when the purpose takes one, wins over a session: the
   * client says it acts through the link (someone signed in opening a guest's link).
   */
  const ownerFor = async (purpose: string) => {
    const { viewer, guest } = caller()
    const check = o.purposes.get(purpose)?.guest
    if (guest && check) {
      const subject = await o.run(check(guest)).catch(() => null)
      return subject ? uploadOwner.guest(purpose, subject) : null
    }
    return viewer ? uploadOwner.user(viewer.id) : null
  }

  const server = new Server({
    path: TUS_PATH,
    datastore: o.store.tus,
    maxSize: o.maxBytes,
    relativeLocation: true,
    // Every request is checked here; POST is checked in onUploadCreate, where the purpose is known.
    onIncomingRequest: async (req, id) => {
      const { viewer, guest } = caller()
      if (req.method === "POST") {
        if (!viewer && !guest) throw refuse(401, "Sign in (or open your ticket link) to upload files")
        return
      }
      const upload = await o.run(findUpload(id))
      if (!upload || (await ownerFor(upload.purpose)) !== upload.owner) throw NOT_FOUND
      if (!upload.claimedAt && upload.expiresAt < new Date()) {
        throw refuse(410, "This upload has expired; upload the file again")
      }
      if (req.method === "DELETE" && upload.claimedAt) {
        throw refuse(409, "This upload is attached; remove it where it is attached")
      }
    },
    onUploadCreate: async (_req, upload) => {
      const meta = upload.metadata ?? {}
      const purposeName = meta.purpose ?? ""
      if (upload.size === undefined) throw refuse(400, "Upload-Length is required")
      const file = checkFile(o.purposes, o.maxBytes, {
        purpose: purposeName,
        filename: meta.filename ?? meta.name ?? "",
        contentType: meta.filetype ?? meta.type ?? "",
        size: upload.size
      })
      if (!file.ok)
        throw refuse(file.status, file.status === 400 ? `Upload-Metadata: ${file.message}` : file.message)
      const { filename, contentType } = file
      const owner = await ownerFor(purposeName)
      if (!owner) throw refuse(401, "Sign in (or open your ticket link again) to upload files")
      await o.run(
        insertUpload({
          id: upload.id,
          owner,
          purpose: purposeName,
          filename,
          contentType,
          size: upload.size,
          expiresAt: new Date(Date.now() + o.expiryMs)
        })
      )
      return { metadata: meta }
    },
    onUploadFinish: async (_req, upload) => {
      const sha256 = await o.hashing.sha256Of(upload.id, upload.size ?? upload.offset)
      await o.run(finishUpload(upload.id, sha256))
      return {}
    }
  })
  readBodiesDirectly(server)
  return server
}

/** The header a guest's tus client sends, as the hooks read it. */
export const guestCredential = (request: Request) => request.headers.get(GUEST_HEADER)
