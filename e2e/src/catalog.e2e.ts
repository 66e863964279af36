import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot } from "./browser"

const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

describe("the app catalog in the console (应用列表)", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    await page.goto(baseUrl())
    await page.getByLabel("邮箱").fill(ADMIN.email)
    await page.getByLabel("密码").fill(ADMIN.password)
    await page.getByRole("button", { name: "登录" }).click()
    await page.waitForURL((url) => url.pathname === "/")
  })
  afterAll(async () => {
    await browser?.close()
  })

  const cards = () => page.getByRole("list", { name: "应用列表" }).getByRole("listitem")

  it("lists the seed's apps as cards, searches and filters by tag in the URL", async () => {
    await page.goto(`${baseUrl()}/catalog`)
    await page.getByRole("heading", { name: "应用列表" }).waitFor()
    await page.getByRole("link", { name: /^Inceptor/ }).waitFor()
    expect(await cards().count()).toBe(18)
    const redis = page.getByRole("link", { name: /^Redis/ })
    expect(await redis.textContent()).toContain("7.2.4")
    await redis.hover()
    await page
      .getByRole("listitem")
      .filter({ has: redis })
      .getByRole("link", { name: "安装/配置此应用" })
      .waitFor({ state: "visible" })
    await screenshot(page, "catalog-zh")

    await page.getByRole("searchbox", { name: "搜索应用" }).fill("zookeeper")
    await page.waitForURL((url) => url.searchParams.get("q") === "zookeeper")
    await expect
      .poll(async () => (await cards().allTextContents()).map((c) => c.split(" ")[0]!.trim()))
      .toEqual(expect.arrayContaining([expect.stringContaining("Zookeeper")]))
    await page.getByRole("searchbox", { name: "搜索应用" }).fill("")
    await page.getByRole("button", { name: "messaging", exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get("tag") === "messaging")
    await expect.poll(() => cards().count()).toBe(2)
  })

  it("opens an app's page with its roles, dependencies, component links and settings", async () => {
    await page.goto(`${baseUrl()}/catalog`)
    await page.getByRole("link", { name: /^Inceptor/ }).click()
    await page.getByRole("heading", { name: "Inceptor", level: 1 }).waitFor()
    await page.getByRole("link", { name: "metastore" }).waitFor()
    expect(await page.getByText("可选").count()).toBe(1)
    await page.getByText("Inceptor(4040)").waitFor()
    await page.getByRole("heading", { name: "配置项 · Master配置" }).waitFor()
    await page.getByRole("heading", { name: "配置项 · Executor配置" }).waitFor()
    await screenshot(page, "catalog-inceptor-zh")
    await page.getByRole("link", { name: "metastore" }).click()
    await page.getByRole("heading", { name: "Metastore", level: 1 }).waitFor()
    await page.getByRole("link", { name: "mysql" }).waitFor()
  })
})
