/**
 * An installed app's 控制台 tab (seed 002 chapter 4.2): per pod 终端 and 当前日志, and the
 * instance's CPU and memory by role below the pods; then the same charts in English.
 */
import { baseUrl, launchBrowser, screenshot, signIn } from "@wharf/e2e/browser"
import { ADMIN, callApi, chooseLanguage, ensureQuota, ownTenantId } from "@wharf/e2e/catalog-walk"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

/** A one-pod app (the catalog's Terminal), installed for this suite alone. */
const INSTANCE = "observe-console"

describe("an installed app's 控制台: terminal, current logs and metrics by role", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 1000 } })
    page = await context.newPage()
    await signIn(page, ADMIN.email, ADMIN.password)
    const cluster = await ensureQuota(page, ADMIN.email)
    const tenant = await ownTenantId(page, ADMIN.email)
    const res = await callApi(page, "POST", "/api/v1/apps", {
      app: "terminal",
      tenant,
      cluster,
      name: INSTANCE,
      visibility: "tenant"
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  /** The app page's 控制台 tab once its pod runs (its row then offers 终端). */
  const openConsole = async () => {
    await page.goto(`${baseUrl()}/apps/${INSTANCE}?tab=console`)
    await expect
      .poll(
        async () => {
          if ((await page.getByRole("link", { name: /^(终端|Terminal)$/ }).count()) > 0) return true
          // The table refetches on each live status event; a reload covers a missed one.
          await page.reload()
          await page
            .locator("table.pods-table")
            .waitFor({ timeout: 10_000 })
            .catch(() => {})
          return false
        },
        { timeout: 90_000, interval: 2_000 }
      )
      .toBe(true)
  }

  it("opens a terminal from the app page's pod, runs echo hello and sees hello", async () => {
    await openConsole()
    await page.getByRole("link", { name: "终端", exact: true }).first().click()
    await page.getByText(/^已连接 .*空闲 15 分钟后自动关闭$/).waitFor({ timeout: 30_000 })
    const rows = page.locator(".xterm-rows")
    await expect.poll(() => rows.textContent(), { timeout: 15_000 }).toMatch(/# /)
    await page.keyboard.type("echo hello")
    await page.keyboard.press("Enter")
    // The typed command echoes, then its output: two "hello"s.
    await expect
      .poll(async () => (await rows.textContent())?.match(/hello/g)?.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2)
    await screenshot(page, "observe-app-terminal-zh")

    // The breadcrumbs lead back to the app's 控制台, not to the pod's host.
    await page.getByRole("link", { name: INSTANCE, exact: true }).click()
    await page.getByRole("tab", { name: "控制台", selected: true }).waitFor()
  })

  it("opens the same pod's current logs from the app page", async () => {
    await openConsole()
    await page.getByRole("link", { name: "当前日志", exact: true }).first().click()
    await page.getByText(/^正在跟随 · 显示最近 10,000 行$/).waitFor({ timeout: 30_000 })
    await page.locator(".observe-log .log-line").first().waitFor({ timeout: 30_000 })
    await screenshot(page, "observe-app-logs-zh")
  })

  it("shows the app's CPU and memory by role below its pods", async () => {
    await openConsole()
    const panel = page.locator(".metrics-panel")
    await panel.getByRole("heading", { name: "应用资源用量（按角色）" }).waitFor()
    expect(await panel.getByRole("tab", { name: "1小时" }).getAttribute("aria-selected")).toBe("true")
    // The collector's next cycle (every 2 s in the suites) brings the new pod; the panel follows live.
    await panel.locator('[data-metric="cpu"] canvas').waitFor({ timeout: 60_000 })
    await panel.locator('[data-metric="memory"] canvas').waitFor()
    await screenshot(page, "observe-app-metrics-zh")
  })

  it("reads the metrics in English: range tabs, titles and units", async () => {
    await chooseLanguage(page, "English")
    try {
      await openConsole()
      const panel = page.locator(".metrics-panel")
      await panel.getByRole("heading", { name: "App usage by role" }).waitFor()
      for (const tab of ["1 hour", "6 hours", "1 day", "7 days", "Custom"])
        await panel.getByRole("tab", { name: tab, exact: true }).waitFor()
      await panel.getByText("From Wharf's own store").waitFor()
      await panel.locator('[data-metric="memory"] canvas').waitFor({ timeout: 60_000 })
      await panel.getByRole("tab", { name: "7 days", exact: true }).click()
      await panel.getByText(/300 s a point/).waitFor()
      // The tooltip names the value with an English unit.
      const chart = panel.locator('[data-metric="cpu"] .u-over')
      const box = (await chart.boundingBox())!
      await page.mouse.move(box.x + box.width - 5, box.y + box.height / 2)
      await expect
        .poll(() => panel.locator('[data-metric="cpu"] .metrics-tip').textContent())
        .toMatch(/cores?/)
      expect(await panel.textContent()).not.toMatch(/[\u4e00-\u9fff]/)
      await screenshot(page, "observe-app-metrics-en")

      await page.getByRole("link", { name: "Terminal", exact: true }).first().click()
      await page.getByText(/^Connected to /).waitFor({ timeout: 30_000 })
      await screenshot(page, "observe-app-terminal-en")
      await page.goBack()
      await page.getByRole("link", { name: "Current logs", exact: true }).first().click()
      await page.getByText(/^Following · showing the last 10,000 lines$/).waitFor({ timeout: 30_000 })
      await screenshot(page, "observe-app-logs-en")
    } finally {
      // Other suites expect the admin in Chinese.
      await chooseLanguage(page, "中文")
    }
  }, 120_000)
})
