import { defineConfig } from "vitest/config"

// Browser suites: real Wharf servers (built console, embedded PGlite, demo data), one per
// worker, driven by Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    // Wharf's suites, and those plugins keep beside their code (`npm run new-plugin` makes one).
    include: ["src/**/*.e2e.ts", "../plugins/*/e2e/**/*.e2e.ts", "../examples/*/e2e/**/*.e2e.ts"],
    globalSetup: ["src/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two suites at a time, each worker against its own server (global-setup.ts): a suite
    // waits on the browser and the server more than it computes.
    maxWorkers: 2
  }
})
