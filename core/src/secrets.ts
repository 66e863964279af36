/**
 * @module Wharf's one secret and the keys derived from it. The master secret is
 * `WHARF_SECRET_KEY`, or a random one generated once into `WHARF_DATA_DIR/secret.key`
 * (mode 0600); replicas share it through the same variable or data folder. Every purpose gets
 * a key of its own (HKDF-SHA256, the purpose as info): sealing secrets at rest (cluster
 * credentials, apps' generated passwords) with AES-256-GCM, and signing what Wharf hands out
 * (guest links, reply addresses) with HMAC. A purpose's key opens or verifies nothing made for
 * another purpose. Sealed text: `v1.<iv>.<tag>.<ciphertext>` (base64url), the purpose bound
 * in as associated data.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Context, Effect, Layer } from "effect"
import { WharfConfig } from "./config"

export interface Sealer {
  readonly seal: (plain: string) => string
  /** Throws when the text was sealed under another key or purpose, or was changed. */
  readonly open: (sealed: string) => string
}

/** The master secret: the environment's, or the data folder's (created on first use). */
export const masterSecret = (dataDir: string, env: Readonly<Record<string, string | undefined>>): string => {
  const fromEnv = env.WHARF_SECRET_KEY?.trim()
  if (fromEnv) {
    if (fromEnv.length < 32)
      throw new Error("WHARF_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)")
    return fromEnv
  }
  const path = join(dataDir, "secret.key")
  mkdirSync(dataDir, { recursive: true })
  try {
    // "wx": two replicas starting at once must not overwrite each other's key.
    writeFileSync(path, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
  }
  return readFileSync(path, "utf8").trim()
}

/** Whether `text` has the form of sealed text (not whether it opens). */
export const isSealed = (text: string) => /^v1\.[\w-]+\.[\w-]+\.[\w-]*$/.test(text)

/** The 32-byte key of one purpose, like `clusters/credentials` (the plugin's id, then what). */
const purposeKey = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync("sha256", secret, "wharf", purpose, 32))

/** A sealer for one purpose, like `clusters/credentials` (the plugin's id, then what). */
export const makeSealer = (secret: string, purpose: string): Sealer => {
  const key = purposeKey(secret, purpose)
  const aad = Buffer.from(`wharf.${purpose.replaceAll("/", ".")}`)
  return {
    seal: (plain) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv("aes-256-gcm", key, iv)
      cipher.setAAD(aad)
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
      return ["v1", iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".")
    },
    open: (sealed) => {
      const [version, iv, tag, body] = sealed.split(".")
      if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unknown sealed format")
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
      decipher.setAAD(aad)
      decipher.setAuthTag(Buffer.from(tag, "base64url"))
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8"
      )
    }
  }
}

/** Keys for plugins, one per purpose, from one master secret. */
export class Secrets extends Context.Service<
  Secrets,
  {
    /** Seals and opens a purpose's secrets at rest. */
    readonly sealer: (purpose: string) => Sealer
    /** A purpose's key for signing (HMAC), like `helpdesk/guest-link`. */
    readonly signingKey: (purpose: string) => Buffer
  }
>()("wharf/Secrets") {
  static readonly layer = Layer.effect(
    Secrets,
    Effect.gen(function* () {
      const config = yield* WharfConfig
      const secret = masterSecret(config.dataDir, config.env)
      const made = new Map<string, Sealer>()
      return Secrets.of({
        sealer: (purpose) => {
          const known = made.get(purpose)
          if (known) return known
          const sealer = makeSealer(secret, purpose)
          made.set(purpose, sealer)
          return sealer
        },
        // "sign/" keeps a signing key apart from the sealing key of the same purpose.
        signingKey: (purpose) => purposeKey(secret, `sign/${purpose}`)
      })
    })
  )
}
