import { defineConfig } from "vitest/config"

// Browser suites: one real Wharf server (built console, embedded PGlite, demo data) for
// the run, driven by Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    // Wharf's suites, and those plugins keep beside their code (`npm run new-plugin` makes one).
    include: ["src/**/*.e2e.ts", "../plugins/*/e2e/**/*.e2e.ts", "../examples/*/e2e/**/*.e2e.ts"],
    globalSetup: ["src/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false
  }
})
