/**
 * Metrics in the console: the host page's usage charts fill from the collector, a pod's metrics
 * page switches 1小时 → 7天 (5-min rollups), and the English texts follow the user's language.
 */
import { baseUrl, launchBrowser, screenshot, signIn } from "@wharf/e2e/browser"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

describe("metrics charts", () => {
  let browser: Browser
  let page: Page
  let hostUrl = ""

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 1000 } })
    page = await context.newPage()
    await signIn(page, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("shows a host's CPU, memory, network and storage over time on its page", async () => {
    await page.goto(`${baseUrl()}/clusters`)
    await page.getByRole("link", { name: "default", exact: true }).click()
    await page.getByRole("link", { name: "sim-node-1" }).click()
    const panel = page.locator(".metrics-panel")
    await panel.getByRole("tab", { name: "1小时" }).waitFor()
    expect(await panel.getByRole("tab", { name: "1小时" }).getAttribute("aria-selected")).toBe("true")
    // The collector's first cycle comes within its interval (2 s in the suites); the panel follows it.
    await panel.locator('[data-metric="storage"] canvas').waitFor({ timeout: 45_000 })
    for (const m of ["cpu", "memory", "network"]) await panel.locator(`[data-metric="${m}"] canvas`).waitFor()
    await panel.getByText("数据来自 Wharf 自带存储").waitFor()
    hostUrl = page.url()
    await screenshot(page, "metrics-host-zh")
  })

  it("opens a pod's metrics and switches 1小时 → 7天", async () => {
    // sim-node-1 is the control plane (no pods); the demo's pods run on the others.
    await page.goto(hostUrl.replace(/sim-node-1$/, "sim-node-2"))
    const row = page.locator("table.table tbody tr").first()
    await row.waitFor()
    const pod = ((await row.locator("td").nth(0).textContent()) ?? "").trim()
    // The 指标 link beside 终端 and 当前日志.
    await row.getByRole("link", { name: "指标" }).first().click()
    await page.getByRole("heading", { name: `${pod} 的指标` }).waitFor()
    const panel = page.locator(".metrics-panel")
    await panel.locator('[data-metric="cpu"] canvas').waitFor({ timeout: 45_000 })
    // Raw samples: one a collector cycle (2 s in the suites).
    await panel.getByText("每点 2 秒").waitFor()
    await screenshot(page, "metrics-pod-1h-zh")

    await panel.getByRole("tab", { name: "7天" }).click()
    await panel.getByText("每点 300 秒").waitFor()
    expect(await panel.getByRole("tab", { name: "7天" }).getAttribute("aria-selected")).toBe("true")
    await panel.locator('[data-metric="memory"] canvas').waitFor()
    // The tooltip names the time and the value in the axis's binary unit (the axis itself is
    // drawn on a canvas: its one unit and even steps are asserted in axis.test.ts).
    const chart = panel.locator('[data-metric="memory"] .u-over')
    const box = (await chart.boundingBox())!
    await page.mouse.move(box.x + box.width - 5, box.y + box.height / 2)
    await expect
      .poll(() => panel.locator('[data-metric="memory"] .metrics-tip').textContent())
      .toMatch(/\d (KiB|MiB|GiB)/)
    await screenshot(page, "metrics-pod-7d-zh")
  })
})
