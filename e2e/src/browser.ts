/**
 * @module Chromium for the browser suites: Debian's binary, headless, without the
 * background networking that a closed network answers with refused connections.
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type Browser, chromium, type Page } from "playwright-core"
import { inject } from "vitest"

export const baseUrl = () => inject("baseUrl")

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
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
  })

const shots = fileURLToPath(new URL("../screenshots/", import.meta.url))

/** Keep a screenshot of what the user sees, for review (e2e/screenshots, not committed). */
export const screenshot = async (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}
