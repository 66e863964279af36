/**
 * @module Vitest global setup: one folder of migrated templates for the whole run (see
 * templates.ts), removed at its end with the template databases made on PostgreSQL.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { dropTemplates } from "./index"
import { TEMPLATES_ENV, templatePrefix } from "./templates"

export default function setup() {
  const root = mkdtempSync(join(tmpdir(), "wharf-templates-"))
  process.env[TEMPLATES_ENV] = root
  return async () => {
    const url = process.env.WHARF_TEST_DATABASE_URL
    if (url) await dropTemplates(url, templatePrefix(root))
    rmSync(root, { recursive: true, force: true })
  }
}
