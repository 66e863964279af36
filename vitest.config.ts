import { defineConfig } from "vitest/config"

// Unit and integration suites of every package. The browser suites live in e2e/
// and run on their own (they need a built console and Chromium).
export default defineConfig({
  test: {
    include: ["{core,plugins,examples,apps,fixtures,tooling}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Each database suite copies a template migrated once per run (core/src/testing/templates.ts).
    // Every change the suites make is checked against the audit log (apps/server/src/testing.ts).
    globalSetup: ["core/src/testing/global-setup.ts", "apps/server/src/audit-coverage.ts"]
  }
})
