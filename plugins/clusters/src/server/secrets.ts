/**
 * @module Sealing cluster credentials at rest: AES-256-GCM under a key derived (HKDF) from
 * `WHARF_SECRET_KEY`, or from a random key generated once into `WHARF_DATA_DIR/secret.key`
 * (mode 0600). Sealed text: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

export interface Sealer {
  readonly seal: (plain: string) => string
  readonly open: (sealed: string) => string
}

const AAD = Buffer.from("wharf.clusters.credentials")

/** The master secret: the environment's, or the data folder's (created on first use). */
export const masterSecret = (dataDir: string, env: NodeJS.ProcessEnv = process.env): string => {
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

export const makeSealer = (secret: string): Sealer => {
  // A key of its own for this purpose: the same master secret may serve other plugins.
  const key = Buffer.from(hkdfSync("sha256", secret, "wharf", "clusters/credentials", 32))
  return {
    seal: (plain) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv("aes-256-gcm", key, iv)
      cipher.setAAD(AAD)
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
      return ["v1", iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".")
    },
    open: (sealed) => {
      const [version, iv, tag, body] = sealed.split(".")
      if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unknown sealed format")
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
      decipher.setAAD(AAD)
      decipher.setAuthTag(Buffer.from(tag, "base64url"))
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8"
      )
    }
  }
}
