import { availableParallelism } from "node:os"
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
    // A worker keeps its modules from one file to the next instead of importing Effect, tRPC
    // and every plugin again for each: imports 70 → 8 s, the run 294 → 200 s here. So a file
    // leaves nothing behind (env stubs undone, fake timers restored); runs with
    // `--sequence.shuffle.files` pass.
    isolate: false,
    // One worker per core. Vitest's default (cores − 1) runs the suites one at a time on a
    // 2-core machine: measured on this one, 667 s with one worker, 466 s with two.
    maxWorkers: availableParallelism(),
    // Each database suite copies a template migrated once per run (core/src/testing/templates.ts).
    // Every change the suites make is checked against the audit log (apps/server/src/testing.ts).
    globalSetup: ["core/src/testing/global-setup.ts", "apps/server/src/audit-coverage.ts"]
  }
})
