import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { isSealed, makeSealer, masterSecret } from "./secrets"

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
