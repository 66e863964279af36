import { baseUrl, launchBrowser, screenshot } from "@wharf/e2e/browser"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

describe("a pod's terminal and current logs in the console", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } })
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() })
    page = await context.newPage()
    await page.goto(baseUrl())
    await page.getByLabel("邮箱").fill(ADMIN.email)
    await page.getByLabel("密码").fill(ADMIN.password)
    await page.getByRole("button", { name: "登录" }).click()
    await page.waitForURL((url) => url.pathname === "/")
  })
  afterAll(() => browser?.close())

  /** The default cluster's host page that runs demo pods, with its 终端 / 当前日志 links. */
  const openHostWithPods = async () => {
    await page.goto(`${baseUrl()}/clusters`)
    await page.getByRole("link", { name: "default", exact: true }).click()
    await page.getByRole("heading", { name: "主机" }).waitFor()
    for (const host of ["sim-node-2", "sim-node-3", "sim-node-1"]) {
      await page.getByRole("link", { name: host, exact: true }).click()
      await page.getByRole("heading", { name: host }).waitFor()
      await page.getByRole("cell").first().waitFor()
      if ((await page.getByRole("link", { name: "终端" }).count()) > 0) return
      await page.goBack()
    }
    throw new Error("no host runs a demo pod")
  }

  it("opens a terminal from a host page's pod, runs echo hello and sees hello", async () => {
    await openHostWithPods()
    await page.getByRole("link", { name: "终端" }).first().click()
    await page.getByText(/^已连接 .*空闲 15 分钟后自动关闭$/).waitFor()
    const rows = page.locator(".xterm-rows")
    await expect.poll(() => rows.textContent()).toMatch(/\/ #/)
    await page.keyboard.type("echo hello")
    await page.keyboard.press("Enter")
    await expect
      .poll(async () => (await rows.textContent())?.match(/hello/g)?.length ?? 0)
      .toBeGreaterThanOrEqual(2)
    await page.keyboard.type("ls /app")
    await page.keyboard.press("Enter")
    await expect.poll(() => rows.textContent()).toMatch(/config\.yaml/)
    await screenshot(page, "observe-terminal-zh")

    // The shell ends: the page says so and offers to reconnect (Enter does too).
    await page.keyboard.type("exit 2")
    await page.keyboard.press("Enter")
    await page.getByText("Shell 已退出（退出码 2）。 按“重新连接”或回车重新打开。").waitFor()
    await page.getByRole("button", { name: "重新连接" }).click()
    await page.getByText(/^已连接 /).waitFor()
  })

  it("follows a container's log and shows a new line as it arrives", async () => {
    await page.getByRole("link", { name: "当前日志" }).click()
    await page.getByText(/^正在跟随 · 显示最近 10,000 行$/).waitFor()
    const lines = page.locator(".observe-log .log-line")
    await lines.first().waitFor()
    const before = await lines.count()
    const last = await lines.last().textContent()
    await expect
      .poll(async () => (await lines.last().textContent()) !== last && (await lines.count()) >= before, {
        timeout: 15_000
      })
      .toBe(true)

    await page.getByRole("searchbox", { name: "搜索日志" }).fill("listening")
    await page.getByText(/^\d+ 处匹配$/).waitFor()
    await page.getByRole("button", { name: "暂停" }).click()
    await page.getByText(/^已暂停 · [\d,]+ 行新日志未显示$/).waitFor()
    await screenshot(page, "observe-logs-zh")
    await page.getByRole("button", { name: "继续" }).click()
    await page.getByText(/^正在跟随/).waitFor()
  })

  it("reads in English too", async () => {
    await page.getByRole("button", { name: "用户菜单" }).click()
    await page.getByRole("menuitemradio", { name: "English" }).click()
    try {
      await page.getByText(/^Following · showing the last 10,000 lines$/).waitFor()
      await screenshot(page, "observe-logs-en")
      await page.getByRole("link", { name: "Terminal", exact: true }).click()
      await page.getByText(/^Connected to /).waitFor()
      await screenshot(page, "observe-terminal-en")
    } finally {
      // Other suites expect the admin in Chinese.
      await page.getByRole("button", { name: /User menu|用户菜单/ }).click()
      await page.getByRole("menuitemradio", { name: "中文" }).click()
      await page.getByText(/^已连接 /).waitFor()
    }
  })
})
