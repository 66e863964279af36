/**
 * @module Where the CLI keeps the server address and API token between runs:
 * `$WHARF_CLI_CONFIG` or `~/.config/wharf/credentials.json`, readable by the owner only.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { homedir } from "node:os"
import { dirname, join } from "node:path"

export interface Credentials {
  readonly url: string
  readonly token: string
  readonly tokenId: string
  readonly email: string
}

const credentialsPath = () =>
  process.env.WHARF_CLI_CONFIG ?? join(homedir(), ".config", "wharf", "credentials.json")

export const readCredentials = (): Credentials | null => {
  // Environment variables win, so scripts and CI need no file.
  if (process.env.WHARF_URL && process.env.WHARF_TOKEN) {
    return { url: process.env.WHARF_URL, token: process.env.WHARF_TOKEN, tokenId: "", email: "" }
  }
  const path = credentialsPath()
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Credentials) : null
}

export const saveCredentials = (c: Credentials) => {
  const path = credentialsPath()
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(c, null, 2), { mode: 0o600 })
  chmodSync(path, 0o600)
}

export const forgetCredentials = () => rmSync(credentialsPath(), { force: true })
