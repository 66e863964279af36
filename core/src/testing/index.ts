/**
 * @module Test support: the database backends a suite runs on. Every DB suite runs on the
 * embedded PGlite, and also on a PostgreSQL server when `WHARF_TEST_DATABASE_URL` is set,
 * each suite in a database of its own that is dropped afterwards.
 */
import { randomBytes } from "node:crypto"
import postgres from "postgres"

export { emptyPglite, type Template, templateFor, templatesRoot } from "./templates"

export interface CreatedDatabase {
  /** Undefined for PGlite (the server opens its own, in its data directory). */
  readonly url: string | undefined
  readonly drop: () => Promise<void>
}

export interface TestBackend {
  readonly name: "pglite" | "postgres"
  /**
   * Creates a database: empty, or a copy of the template database `from` (PostgreSQL's
   * `create database … template`). PGlite ignores `from`: its template is a data directory.
   */
  readonly create: (from?: string) => Promise<CreatedDatabase>
  /** Creates the database `name` that a template is built in (PostgreSQL only). */
  readonly createTemplate?: (name: string) => Promise<string>
}

const pglite: TestBackend = {
  name: "pglite",
  create: async () => ({ url: undefined, drop: async () => {} })
}

const withAdmin = async <A>(adminUrl: string, f: (admin: postgres.Sql) => Promise<A>) => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    return await f(admin)
  } finally {
    await admin.end()
  }
}

const urlOf = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

const server = (adminUrl: string): TestBackend => ({
  name: "postgres",
  create: async (from) => {
    const name = `wharf_test_${randomBytes(6).toString("hex")}`
    await withAdmin(adminUrl, (admin) =>
      admin.unsafe(from ? `create database ${name} template ${from}` : `create database ${name}`)
    )
    return {
      url: urlOf(adminUrl, name),
      drop: async () => {
        await withAdmin(adminUrl, (admin) => admin.unsafe(`drop database if exists ${name} with (force)`))
      }
    }
  },
  createTemplate: async (name) => {
    await withAdmin(adminUrl, (admin) => admin.unsafe(`create database ${name}`))
    return urlOf(adminUrl, name)
  }
})

/** PGlite always; a PostgreSQL server too when `WHARF_TEST_DATABASE_URL` names one. */
export const testBackends = (): ReadonlyArray<TestBackend> => {
  const url = process.env.WHARF_TEST_DATABASE_URL
  return url ? [pglite, server(url)] : [pglite]
}

/** Drops the template databases of one test run (its global teardown). */
export const dropTemplates = (adminUrl: string, prefix: string) =>
  withAdmin(adminUrl, async (admin) => {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${prefix}%`}`
    for (const { datname } of rows) await admin.unsafe(`drop database if exists ${datname} with (force)`)
  })
