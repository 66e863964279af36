/**
 * @module What every browser suite uses: Chromium (./chromium), the server's address, sign-in
 * through the page, and screenshots for review.
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Page } from "playwright-core"
import { inject } from "vitest"

/** One Wharf the global setup started for the browser suites. */
export interface E2eServer {
  readonly baseUrl: string
  /** Where the server takes replies to its mails. */
  readonly smtpPort: number
}

// What the global setup provides every browser suite (here, so a plugin's own suite sees it too).
declare module "vitest" {
  export interface ProvidedContext {
    /** One server per worker: two suites run at once, each against its worker's own Wharf. */
    servers: ReadonlyArray<E2eServer>
  }
}

/** This worker's server (workers are numbered from 1 by VITEST_POOL_ID). */
const server = (): E2eServer => {
  const servers = inject("servers")
  return servers[(Number(process.env.VITEST_POOL_ID ?? "1") - 1) % servers.length]!
}

export const baseUrl = () => server().baseUrl
export const smtpPort = () => server().smtpPort

export { launchBrowser } from "./chromium"

const shots = fileURLToPath(new URL("../screenshots/", import.meta.url))

/** Keep a screenshot of what the user sees, for review (e2e/screenshots, not committed). */
export const screenshot = async (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

/** Sign in through the sign-in page as a demo user, and wait until the console lets them in. */
export const signIn = async (page: Page, email: string, password = "wharf-demo-1") => {
  await page.goto(`${baseUrl()}/sign-in`)
  await page.getByLabel(/邮箱|Email/).fill(email)
  await page.getByLabel(/密码|Password/).fill(password)
  await page.getByRole("button", { name: /登录|Sign in/ }).click()
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"))
}
