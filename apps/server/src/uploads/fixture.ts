/**
 * @module A plugin that declares upload purposes for the upload suites: a large one, a
 * small text-only one, and one a guest may use with the credential "guest-pass-<subject>".
 */
import { contribute, definePlugin, uploadPurposes } from "@wharf/core"
import { Effect } from "effect"

export const uploadFixturePlugin = definePlugin({
  id: "upload-fixture",
  version: "1.0.0",
  contributions: [
    contribute(uploadPurposes, { purpose: "diagnostics", maxBytes: 200 * 1024 ** 2 }),
    contribute(uploadPurposes, { purpose: "note", maxBytes: 1024, allowedTypes: ["text/plain", "image/*"] }),
    contribute(uploadPurposes, {
      purpose: "guest-drop",
      maxBytes: 1024 ** 2,
      guest: (credential: string) =>
        Effect.succeed(credential.startsWith("guest-pass-") ? credential.slice("guest-pass-".length) : null)
    })
  ]
})
