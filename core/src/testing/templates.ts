/**
 * @module Migrated templates: a database suite copies a data directory (PGlite) or a
 * template database (PostgreSQL) that was migrated, and given its demo data, once per test
 * run, instead of running initdb (~3 s on PGlite) and every migration again. The first
 * suite that needs a template builds it; suites in other workers wait for it. Without the
 * global setup (a benchmark, one file run with another config) there are no templates.
 */
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs"
import { basename, join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import type { TestBackend } from "./index"

/** Set by the global setup: the folder this run's templates live in. */
export const TEMPLATES_ENV = "WHARF_TEST_TEMPLATES"
export const templatesRoot = () => process.env[TEMPLATES_ENV]

/** PostgreSQL template names of the run in `root`: dropped together at its end. */
export const templatePrefix = (root: string) =>
  `wharf_tpl_${basename(root)
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()}_`

export interface Template {
  /** The data directory to copy. */
  readonly dir: string
  /** The template database to copy (PostgreSQL). */
  readonly database: string | undefined
}

// A build longer than this is taken for a crashed worker; the waiter builds its own.
const BUILD_WAIT_MS = 120_000

/**
 * The template for `key` (anything that changes what the database holds: plugins, their
 * migrations, demo data). `build(dir, url)` fills the data directory `dir`, and the
 * database at `url` on PostgreSQL, then closes every connection; its failure is thrown.
 * Null when this run has no templates, or another worker's build failed (the caller then
 * starts from empty, and meets the failure itself).
 */
export const templateFor = async (
  backend: TestBackend,
  key: unknown,
  build: (dir: string, url: string | undefined) => Promise<void>
): Promise<Template | null> => {
  const root = templatesRoot()
  if (!root) return null
  const hash = createHash("sha256")
    .update(JSON.stringify([backend.name, key]))
    .digest("hex")
    .slice(0, 16)
  const dir = join(root, hash)
  const database = backend.createTemplate ? `${templatePrefix(root)}${hash}` : undefined
  const lock = `${dir}.lock`
  try {
    mkdirSync(lock)
  } catch {
    // Another suite builds it: wait for the folder, or for the lock to go (its build failed).
    const until = Date.now() + BUILD_WAIT_MS
    while (!existsSync(dir) && existsSync(lock) && Date.now() < until) await sleep(100)
    return existsSync(dir) ? { dir, database } : null
  }
  const building = `${dir}.building`
  try {
    const url = database && backend.createTemplate ? await backend.createTemplate(database) : undefined
    mkdirSync(building, { recursive: true })
    await build(building, url)
    renameSync(building, dir)
    return { dir, database }
  } catch (e) {
    // The suite meets the failure (a broken migration) as it would without templates.
    rmSync(building, { recursive: true, force: true })
    rmSync(lock, { recursive: true, force: true })
    throw e
  }
}

/**
 * A data directory holding an empty PGlite cluster: what initdb makes, once per run, so
 * that even a suite with a database of its own (a template's first build, a one-off
 * configuration) copies it instead of running initdb again.
 */
export const emptyPglite = (): Promise<Template | null> =>
  templateFor(
    { name: "pglite", create: async () => ({ url: undefined, drop: async () => {} }) },
    "initdb",
    async (dir) => {
      const { PGlite } = await import("@electric-sql/pglite")
      const db = await PGlite.create({ dataDir: join(dir, "pglite") })
      await db.close()
    }
  )
