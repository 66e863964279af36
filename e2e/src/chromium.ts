/**
 * @module Chromium as the browser suites and the benchmarks launch it: Debian's binary
 * (CHROMIUM_PATH to change it), headless, without the background networking that a closed
 * network answers with refused connections. Free of vitest, so a benchmark may import it.
 */
import { type Browser, chromium } from "playwright-core"

export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run"
  ]
}

export const launchBrowser = (): Promise<Browser> => chromium.launch(chromiumOptions)
