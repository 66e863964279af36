import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { loadConfig, WharfConfig } from "./config"
import { isSealed, makeSealer, masterSecret, Secrets } from "./secrets"

describe("sealing secrets at rest", () => {
  const secret = "a-master-secret-of-at-least-thirty-two-characters"

  it("opens what it sealed, and nothing sealed for another purpose or changed", () => {
    const passwords = makeSealer(secret, "app-catalog/passwords")
    const sealed = passwords.seal("kpNMdFtmAiCVEeRqb8EC5cRJ")
    expect(isSealed(sealed)).toBe(true)
    expect(sealed).not.toContain("kpNM")
    expect(passwords.seal("same")).not.toBe(passwords.seal("same"))
    expect(passwords.open(sealed)).toBe("kpNMdFtmAiCVEeRqb8EC5cRJ")
    expect(() => makeSealer(secret, "clusters/credentials").open(sealed)).toThrow()
    expect(() => makeSealer(`${secret}!`, "app-catalog/passwords").open(sealed)).toThrow()
    const [v, iv, tag, body] = sealed.split(".")
    const flipped = `${body![0] === "A" ? "B" : "A"}${body!.slice(1)}`
    expect(() => passwords.open([v, iv, tag, flipped].join("."))).toThrow()
    expect(isSealed("plain-password")).toBe(false)
  })

  it("gives each purpose a signing key of its own, apart from its sealing key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wharf-secret-"))
    try {
      const keysOf = (env: Record<string, string>) =>
        Effect.runSync(
          Effect.gen(function* () {
            return yield* Secrets
          }).pipe(
            Effect.provide(Secrets.layer),
            Effect.provideService(WharfConfig, { ...loadConfig({ env, cwd: dir }), dataDir: dir })
          )
        )
      const keys = keysOf({})
      const link = keys.signingKey("helpdesk/guest-link")
      expect(link).toHaveLength(32)
      expect(keys.signingKey("helpdesk/guest-link").equals(link)).toBe(true)
      expect(keys.signingKey("helpdesk/reply-by-mail").equals(link)).toBe(false)
      // A replica on the same data folder signs alike; one with another master secret does not.
      expect(keysOf({}).signingKey("helpdesk/guest-link").equals(link)).toBe(true)
      expect(keysOf({ WHARF_SECRET_KEY: secret }).signingKey("helpdesk/guest-link").equals(link)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("generates the master secret once into the data folder, readable by its owner only", () => {
    const dir = mkdtempSync(join(tmpdir(), "wharf-secret-"))
    try {
      const first = masterSecret(dir, {})
      expect(masterSecret(dir, {})).toBe(first)
      expect(statSync(join(dir, "secret.key")).mode & 0o777).toBe(0o600)
      expect(masterSecret(dir, { WHARF_SECRET_KEY: secret })).toBe(secret)
      expect(() => masterSecret(dir, { WHARF_SECRET_KEY: "short" })).toThrow(/at least 32 characters/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
