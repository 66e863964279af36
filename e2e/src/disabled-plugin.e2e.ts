import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchBrowser } from "./browser"
import { startE2eServer } from "./server"

describe("a plugin disabled in configuration", () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startE2eServer>>
  beforeAll(async () => {
    server = await startE2eServer(["identity"])
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it("has no nav entry, no page, no widget and no API in the console", async () => {
    const page = await (await browser.newContext({ locale: "zh-CN" })).newPage()
    await page.goto(server.url)
    await page.getByLabel("邮箱").fill("admin@wharf.test")
    await page.getByLabel("密码").fill("admin-password-1")
    await page.getByRole("button", { name: "登录" }).click()
    await page.getByRole("heading", { name: "Administrator，你好" }).waitFor()
    const nav = page.getByRole("navigation", { name: "支持中心" })
    expect(await nav.getByRole("link").allTextContents()).not.toContain("契约测试")
    expect(await page.getByRole("heading", { name: "契约测试小组件" }).count()).toBe(0)

    await page.goto(`${server.url}/contract-test`)
    await page.getByRole("heading", { name: "页面不存在" }).waitFor()
    const api = await page.request.get(`${server.url}/api/v1/contract-test/notes`)
    expect(api.status()).toBe(404)
  })
})
