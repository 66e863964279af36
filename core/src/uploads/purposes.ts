/**
 * @module Upload purposes. A plugin declares what it accepts uploads for
 * (`{ purpose: "ticket-attachment", maxBytes, allowedTypes? }`) by contributing to
 * `uploadPurposes`; an upload names its purpose at creation and can only be claimed
 * for that purpose. A purpose may also let a guest upload, on a credential only the
 * plugin can check (a signed ticket link).
 */
import { basename } from "node:path"
import type { Effect } from "effect"
import { defineExtensionPoint } from "../plugin"
import { withoutBidiControls } from "./names"

export interface UploadPurpose {
  /** Named by the client in the upload's metadata (`purpose`). */
  readonly purpose: string
  /** At most this many bytes (capped by `WHARF_UPLOAD_MAX_BYTES`, default 2 GiB). */
  readonly maxBytes?: number
  /** MIME types accepted, exactly (`application/zip`) or by family (`image/*`); any when absent. */
  readonly allowedTypes?: ReadonlyArray<string>
  /**
   * For callers without an account: given the `x-wharf-guest` header, the subject the
   * credential grants (e.g. a ticket id), or null when it is not genuine. Runs on the
   * server's runtime, so it may use any enabled plugin's services.
   */
  readonly guest?: (credential: string) => Effect.Effect<string | null, unknown, any>
}

export const uploadPurposes = defineExtensionPoint<UploadPurpose>("wharf.upload-purposes")

/** The header a guest's client sends on every tus request. */
export const GUEST_HEADER = "x-wharf-guest"

/** Who an upload belongs to, as stored in `wharf.uploads.owner`. */
export const uploadOwner = {
  user: (userId: string) => `user:${userId}`,
  guest: (purpose: string, subject: string) => `guest:${purpose}:${subject}`
}

export const typeAllowed = (allowed: ReadonlyArray<string> | undefined, type: string) =>
  !allowed ||
  allowed.some((a) => (a.endsWith("/*") ? type.startsWith(a.slice(0, -1)) : a === type.toLowerCase()))

const hasControlCharacter = (s: string) =>
  [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)

const mib = (n: number) =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${Math.ceil(n / 1024 ** 2)} MiB`

export type FileCheck =
  | {
      readonly ok: true
      readonly purpose: UploadPurpose
      readonly filename: string
      readonly contentType: string
    }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly message: string }

/**
 * Whether a file may be stored for `purposeName`, whoever sends it (a tus client, a mail):
 * the purpose exists, the name is usable, the size and type are within its limits. The
 * name loses any path; an unusable type becomes application/octet-stream.
 */
export const checkFile = (
  purposes: ReadonlyMap<string, UploadPurpose>,
  maxBytes: number,
  file: { purpose: string; filename: string; contentType: string; size: number }
): FileCheck => {
  const purpose = purposes.get(file.purpose)
  if (!purpose) {
    return {
      ok: false,
      status: 400,
      message: `purpose "${file.purpose}" is unknown; use one of ${[...purposes.keys()].join(", ")}`
    }
  }
  // Kept without bidirectional controls, so every list, mail and download shows the real name.
  const filename = withoutBidiControls(basename(file.filename.replaceAll("\\", "/"))).trim()
  if (!filename || filename.length > 255 || hasControlCharacter(filename)) {
    return {
      ok: false,
      status: 400,
      message: "filename is required (1–255 characters, no control characters)"
    }
  }
  const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(file.contentType)
    ? file.contentType.toLowerCase()
    : "application/octet-stream"
  const limit = Math.min(purpose.maxBytes ?? maxBytes, maxBytes)
  if (file.size > limit) {
    return {
      ok: false,
      status: 413,
      message: `${filename} is ${mib(file.size)}; files for ${file.purpose} may be at most ${mib(limit)}`
    }
  }
  if (!typeAllowed(purpose.allowedTypes, contentType)) {
    return {
      ok: false,
      status: 415,
      message: `${filename} is ${contentType}; ${file.purpose} accepts ${purpose.allowedTypes!.join(", ")}`
    }
  }
  return { ok: true, purpose, filename, contentType }
}
