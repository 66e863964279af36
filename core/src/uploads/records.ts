/**
 * @module The `wharf.uploads` table: one row per upload from its creation, finished with
 * its sha256, claimed once by a plugin, deleted with its bytes when it expires unclaimed.
 */
import { Effect } from "effect"
import { Db } from "../db/Db"
import { Invalid } from "../errors"

export interface UploadRecord {
  readonly id: string
  readonly owner: string
  readonly purpose: string
  readonly filename: string
  readonly contentType: string
  readonly size: number
  readonly sha256: string | null
  readonly createdAt: Date
  readonly finishedAt: Date | null
  readonly expiresAt: Date
  readonly claimedAt: Date | null
  readonly claimedBy: string | null
}

interface Row {
  id: string
  owner: string
  purpose: string
  filename: string
  content_type: string
  size: string
  sha256: string | null
  created_at: Date
  finished_at: Date | null
  expires_at: Date
  claimed_at: Date | null
  claimed_by: string | null
}

const toRecord = (r: Row): UploadRecord => ({
  id: r.id,
  owner: r.owner,
  purpose: r.purpose,
  filename: r.filename,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  expiresAt: r.expires_at,
  claimedAt: r.claimed_at,
  claimedBy: r.claimed_by
})

export const insertUpload = (u: {
  id: string
  owner: string
  purpose: string
  filename: string
  contentType: string
  size: number
  expiresAt: Date
}) =>
  Db.use((db) =>
    db.query(
      (sql) => sql`insert into wharf.uploads (id, owner, purpose, filename, content_type, size, expires_at)
        values (${u.id}, ${u.owner}, ${u.purpose}, ${u.filename}, ${u.contentType}, ${u.size}, ${u.expiresAt})`
    )
  )

export const findUpload = (id: string) =>
  Db.use((db) =>
    db
      .query((sql) => sql<Row[]>`select * from wharf.uploads where id = ${id}`)
      .pipe(Effect.map((rows) => (rows[0] ? toRecord(rows[0]) : null)))
  )

export const finishUpload = (id: string, sha256: string) =>
  Db.use((db) =>
    db.query(
      (sql) => sql`update wharf.uploads set finished_at = now(), sha256 = ${sha256}
        where id = ${id} and finished_at is null`
    )
  )

export const deleteUploadRow = (id: string) =>
  Db.use((db) => db.query((sql) => sql`delete from wharf.uploads where id = ${id}`))

/** Unclaimed uploads past their expiry, oldest first. */
export const expiredUploads = (limit: number) =>
  Db.use((db) =>
    db.query(
      (sql) => sql<{ id: string }[]>`select id from wharf.uploads
        where claimed_at is null and expires_at < now() order by expires_at limit ${limit}`
    )
  )

export interface ClaimRequest {
  readonly ids: ReadonlyArray<string>
  /** Whose uploads may be claimed (`uploadOwner.user(id)`, `uploadOwner.guest(...)`). */
  readonly owner: string
  readonly purpose: string
  /** What holds each upload afterwards, e.g. `helpdesk.attachment:<uuid>`. */
  readonly claimedBy: (upload: UploadRecord) => string
  /** The input field the ids came from, for the 400's issues (default `uploads`). */
  readonly field?: string
}

/**
 * Mark finished uploads as held by a plugin. Run it inside the plugin's transaction: a
 * refused id fails the whole claim with an `Invalid` naming it, and nothing is written.
 */
export const claimUploads = Effect.fn("Uploads.claim")(function* (request: ClaimRequest) {
  const db = yield* Db
  const field = request.field ?? "uploads"
  if (request.ids.length === 0) return [] as UploadRecord[]
  return yield* db.transaction(
    Effect.gen(function* () {
      const rows = yield* db.query(
        (sql) =>
          sql<Row[]>`select * from wharf.uploads where id = any(${[...request.ids]}::text[]) for update`
      )
      const byId = new Map(rows.map((r) => [r.id, toRecord(r)]))
      const issues: { path: string; message: string }[] = []
      const seen = new Set<string>()
      request.ids.forEach((id, i) => {
        const u = byId.get(id)
        const problem = seen.has(id)
          ? "is listed twice"
          : !u || u.owner !== request.owner
            ? "is not one of your uploads"
            : u.purpose !== request.purpose
              ? `was uploaded for "${u.purpose}", not "${request.purpose}"`
              : u.claimedAt
                ? "is already attached elsewhere"
                : !u.finishedAt
                  ? "has not finished uploading; wait for it to complete"
                  : u.expiresAt < new Date()
                    ? "has expired; upload the file again"
                    : null
        seen.add(id)
        if (problem) issues.push({ path: `${field}.${i}`, message: `upload ${id} ${problem}` })
      })
      if (issues.length > 0) {
        return yield* new Invalid({
          message: issues.map((i) => `${i.path}: ${i.message}`).join("; "),
          issues
        })
      }
      const claimed: UploadRecord[] = []
      for (const id of request.ids) {
        const u = byId.get(id)!
        const by = request.claimedBy(u)
        yield* db.query(
          (sql) => sql`update wharf.uploads set claimed_at = now(), claimed_by = ${by} where id = ${id}`
        )
        claimed.push({ ...u, claimedAt: new Date(), claimedBy: by })
      }
      return claimed
    })
  )
})
