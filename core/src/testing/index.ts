/**
 * @module Test support: the database backends a suite runs on. Every DB suite runs on the
 * embedded PGlite, and also on a PostgreSQL server when `WHARF_TEST_DATABASE_URL` is set,
 * each suite in a database of its own that is dropped afterwards.
 */
import { randomBytes } from "node:crypto"
import postgres from "postgres"

export interface TestBackend {
  readonly name: "pglite" | "postgres"
  /** Creates an empty database; `url` is undefined for PGlite (the server opens its own). */
  readonly create: () => Promise<{ url: string | undefined; drop: () => Promise<void> }>
}

const pglite: TestBackend = {
  name: "pglite",
  create: async () => ({ url: undefined, drop: async () => {} })
}

const server = (adminUrl: string): TestBackend => ({
  name: "postgres",
  create: async () => {
    const name = `wharf_test_${randomBytes(6).toString("hex")}`
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return {
      url: url.toString(),
      drop: async () => {
        const again = postgres(adminUrl, { max: 1, onnotice: () => {} })
        await again.unsafe(`drop database if exists ${name} with (force)`)
        await again.end()
      }
    }
  }
})

/** PGlite always; a PostgreSQL server too when `WHARF_TEST_DATABASE_URL` names one. */
export const testBackends = (): ReadonlyArray<TestBackend> => {
  const url = process.env.WHARF_TEST_DATABASE_URL
  return url ? [pglite, server(url)] : [pglite]
}
