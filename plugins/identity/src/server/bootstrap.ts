/**
 * @module The first start: on an empty user table, create the platform admin from
 * WHARF_ADMIN_EMAIL / WHARF_ADMIN_PASSWORD, or with a generated password printed once.
 */
import { log, WharfConfig } from "@wharf/core"
import { Effect } from "effect"
import { countUsers, createUser } from "./accounts"
import { randomSecret } from "./secrets"

export const ensureFirstAdmin = Effect.gen(function* () {
  if ((yield* countUsers()) > 0) return
  const config = yield* WharfConfig
  const password = config.adminPassword ?? randomSecret(12)
  yield* createUser({
    email: config.adminEmail,
    name: "Administrator",
    password,
    roles: ["admin", "agent", "user"]
  })
  if (config.adminPassword) {
    log("INFO", "created the first admin", { email: config.adminEmail })
  } else {
    // Printed once, in plain text, because nobody else can ever tell it.
    process.stdout.write(
      `\n  Wharf created the first admin:\n    email:    ${config.adminEmail}\n    password: ${password}\n  Change it under Profile after signing in.\n\n`
    )
  }
})
