/**
 * @module Upload purposes. A plugin declares what it accepts uploads for
 * (`{ purpose: "ticket-attachment", maxBytes, allowedTypes? }`) by contributing to
 * `uploadPurposes`; an upload names its purpose at creation and can only be claimed
 * for that purpose. A purpose may also let a guest upload, on a credential only the
 * plugin can check (a signed ticket link).
 */
import type { Effect } from "effect"
import { defineExtensionPoint } from "../plugin"

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
