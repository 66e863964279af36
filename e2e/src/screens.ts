/**
 * @module The README's screenshots (docs/screens): the support center's main pages and a
 * host page, as customer, agent and admin, in zh-CN and en, on a desktop (1440×900) and a
 * phone (390×844). Run on demand, not by `npm test`:
 *
 *     cd e2e && npx tsx src/screens.ts            # docs/screens/*.png, one screen high
 *     cd e2e && npx tsx src/screens.ts --full /tmp/shots   # whole pages, for review
 *     cd e2e && SCREENS=host npx tsx src/screens.ts        # only these pages
 *
 * It builds the browser suites' console and starts the same server they use (demo data,
 * simulated cluster).
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { builtInPlugins } from "@wharf/core"
import type { Browser, Page } from "playwright-core"
import { launchBrowser } from "./browser"
import { buildE2eConsole, startE2eServer } from "./server"

const full = process.argv.includes("--full")
const outDir = full
  ? (process.argv[process.argv.indexOf("--full") + 1] ?? "/tmp/wharf-screens")
  : fileURLToPath(new URL("../../docs/screens/", import.meta.url))

/** `SCREENS=host,kb` retakes only those pages. */
const only = process.env.SCREENS?.split(",")

const SIZES = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 }
} as const
const LOCALES = ["zh-CN", "en"] as const
type Locale = (typeof LOCALES)[number]

const CUSTOMER = "li.wei@example.com"
const AGENT = "wang.fang@example.com"
const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

/** A page in `locale` at `size`, signed in as `email` (or signed out), with the profile's language set. */
const open = async (
  browser: Browser,
  base: string,
  locale: Locale,
  size: keyof typeof SIZES,
  email?: string,
  password = "wharf-demo-1"
) => {
  const context = await browser.newContext({
    locale,
    viewport: SIZES[size],
    ...(size === "phone" ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {})
  })
  await context.addInitScript((l) => localStorage.setItem("wharf.locale", l), locale)
  const page = await context.newPage()
  if (email) {
    await page.goto(`${base}/sign-in`)
    await page.getByLabel(/邮箱|Email/).fill(email)
    await page.getByLabel(/密码|Password/).fill(password)
    await page.getByRole("button", { name: /登录|Sign in/ }).click()
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"))
    // The profile's language wins at sign-in: make it this shot's.
    await page.evaluate(async (l) => {
      const csrf = document.cookie.match(/wharf_csrf=([^;]+)/)?.[1] ?? ""
      await fetch("/trpc/identity.profile.setLocale", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify({ locale: l })
      })
    }, locale)
  }
  return page
}

const shoot = async (page: Page, path: string, name: string, walk?: (page: Page) => Promise<void>) => {
  await page.goto(path)
  await page.waitForLoadState("networkidle").catch(() => undefined)
  await walk?.(page)
  // Let lazy charts and fonts settle.
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: full })
  console.log(name)
}

const main = async () => {
  mkdirSync(outDir, { recursive: true })
  await buildE2eConsole()
  const server = await startE2eServer(builtInPlugins())
  const browser = await launchBrowser()
  try {
    const base = server.url
    const shots: Array<{
      name: string
      path: string
      as?: string | typeof ADMIN
      /** From `path` to the page, for pages whose address holds an id. */
      walk?: (page: Page) => Promise<void>
    }> = [
      { name: "home", path: "/", as: CUSTOMER },
      { name: "ticket-customer", path: "/tickets/:ticket", as: CUSTOMER },
      { name: "ticket-agent", path: "/support/tickets/:ticket", as: AGENT },
      { name: "kb", path: "/kb", as: CUSTOMER },
      { name: "manuals", path: "/manuals/TOS/2.0", as: CUSTOMER },
      { name: "support", path: "/support" },
      {
        name: "host",
        path: "/clusters",
        as: ADMIN,
        walk: async (page) => {
          await page.getByRole("link", { name: "default", exact: true }).click()
          // A worker: its pods use disk and network (the control-plane host runs none).
          await page.getByRole("link", { name: "sim-node-2" }).click()
          // Its usage charts fill after the metrics collector's first cycle (15 s).
          await page.locator('.metrics-panel [data-metric="memory"] canvas').waitFor({ timeout: 45_000 })
          // The host's figures, not its labels, are what this page is for.
          await page.locator(".usage-grid").evaluate((grid) => grid.closest(".card")!.scrollIntoView())
        }
      }
    ]
    for (const locale of LOCALES) {
      for (const size of Object.keys(SIZES) as Array<keyof typeof SIZES>) {
        for (const shot of shots.filter((s) => !only || only.includes(s.name))) {
          const who = typeof shot.as === "object" ? shot.as : { email: shot.as, password: "wharf-demo-1" }
          const page = await open(browser, base, locale, size, who.email, who.password)
          let path = shot.path
          if (path.includes(":ticket")) {
            // li.wei's first ticket that has replies (the demo's conversation).
            const ticket = await ticketOf(page, base)
            path = path.replace(":ticket", String(ticket))
          }
          await shoot(page, `${base}${path}`, `${shot.name}-${locale}-${size}`, shot.walk)
          await page.context().close()
        }
      }
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

let ticketNumber: number | undefined
/** The number of the customer's newest ticket that has a conversation. */
const ticketOf = async (page: Page, base: string) => {
  if (ticketNumber) return ticketNumber
  const customer = await open(page.context().browser()!, base, "zh-CN", "desktop", CUSTOMER)
  await customer.goto(`${base}/tickets`)
  ticketNumber = await customer.evaluate(async () => {
    const res = await fetch(
      `/trpc/helpdesk.tickets.list?input=${encodeURIComponent(JSON.stringify({ limit: 20, offset: 0, mine: true }))}`
    )
    const items = (await res.json()).result.data.items as Array<{ number: number; status: string }>
    return (items.find((t) => t.status === "awaiting_reply") ?? items[0]!).number
  })
  await customer.context().close()
  return ticketNumber
}

await main()
