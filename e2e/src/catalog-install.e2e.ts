import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot, signIn } from "./browser"
import { ADMIN, chooseLanguage, ensureQuota } from "./catalog-walk"

// Seed 002, chapter 3: installing Redis with its defaults, and Inceptor with its dependencies.
describe("the install wizard (安装), as seed 002 walks through it", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    await signIn(page, ADMIN.email, ADMIN.password)
    await ensureQuota(page, ADMIN.email)
  })
  afterAll(async () => {
    await browser?.close()
  })

  // A tab's name ends with how many problems it holds, when it holds any.
  const tab = (name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) })

  it("opens from the card's hover 安装/配置此应用: tenant, cluster and visibility, then Redis's tabs with the seed's defaults", async () => {
    await page.goto(`${baseUrl()}/catalog`)
    const card = page.locator(".app-card-item", { has: page.getByRole("link", { name: /^Redis/ }) })
    await card.hover()
    await card.getByRole("link", { name: "安装/配置此应用" }).click()
    await page.getByRole("heading", { name: "安装 Redis" }).waitFor()
    const tenant = page.getByLabel("目标安装租户")
    expect(await tenant.locator("option:checked").textContent()).toContain(ADMIN.email)
    expect(await page.getByLabel("目标集群").locator("option:checked").textContent()).toBe("default")
    expect(await page.getByLabel("仅当前租户可见").isChecked()).toBe(true)
    await screenshot(page, "install-step1-zh")
    await page.getByRole("button", { name: "下一步" }).click()

    await tab("基础属性").waitFor()
    expect(await page.getByText(ADMIN.email).count()).toBeGreaterThan(0)
    expect(await page.getByLabel("应用名称").inputValue()).toBe("")
    await screenshot(page, "install-redis-basic-zh")
    await tab("Redis配置").click()
    expect(await page.getByLabel("优先级").inputValue()).toBe("0")
    expect(await page.getByLabel("主节点数量").inputValue()).toBe("3")
    expect(await page.getByLabel("内存上限（MiB）").inputValue()).toBe("1024")
    expect(await page.getByLabel("CPU上限（核）").inputValue()).toBe("1")
    await screenshot(page, "install-redis-config-zh")
    await tab("高级配置").click()
    expect(await page.getByLabel("Redis镜像").inputValue()).toContain("redis")
    await page.getByRole("button", { name: "添加环境变量" }).click()
    await page.getByLabel("第 1 行变量名").fill("REDIS_ARGS")
    await page.getByLabel("第 1 行变量值").fill("--appendonly yes")
    await screenshot(page, "install-redis-advanced-zh")
    await page.getByRole("button", { name: "删除第 1 行" }).click()
    expect(await page.getByLabel("第 1 行变量名").count()).toBe(0)
  })

  it("says in words what is wrong and on which tab, and 更换集群 keeps every field", async () => {
    await tab("基础属性").click()
    await page.getByLabel("应用名称").fill("Redis_1")
    await page.getByText("只能包含小写字母、数字和连字符").waitFor()
    await tab("Redis配置").click()
    await page.getByLabel("优先级").fill("12")
    await page.getByText("不能大于 9").waitFor()
    expect(await tab("Redis配置").getAttribute("aria-label")).toBe("Redis配置（1 个问题）")
    await page.getByRole("button", { name: "安装预览" }).click()
    await page.getByText("请先修正标记的配置项。").waitFor()
    await screenshot(page, "install-redis-problems-zh")

    await page.getByRole("button", { name: "更换集群" }).click()
    await page.getByRole("button", { name: "下一步" }).click()
    await tab("Redis配置").click()
    expect(await page.getByLabel("优先级").inputValue()).toBe("12")
    await page.getByLabel("优先级").fill("0")
    await tab("基础属性").click()
    expect(await page.getByLabel("应用名称").inputValue()).toBe("Redis_1")
    await page.getByLabel("应用名称").fill("")
  })

  it("previews Redis with its defaults (a generated name, every setting, the dry run's objects), 返回配置 keeps them, 安装 opens it and it becomes ready on 控制面板", async () => {
    await page.getByRole("button", { name: "安装预览" }).click()
    await page.getByText("第 3 步：安装预览").waitFor()
    const settings = page.locator(".card", { hasText: /Redis 7\.2\.4 · redis-[a-z0-9]{4}/ })
    await settings.waitFor()
    const name = /redis-[a-z0-9]{4}/.exec((await settings.locator(".card-title").textContent()) ?? "")![0]
    expect(await settings.getByRole("row", { name: /主节点数量/ }).textContent()).toContain("3")
    expect(await settings.getByRole("row", { name: /内存上限/ }).textContent()).toContain("1024")
    await page.getByText("StatefulSet", { exact: true }).first().click()
    await page.locator("pre.yaml", { hasText: "kind: StatefulSet" }).first().waitFor()
    await screenshot(page, "install-redis-preview-zh")

    await page.getByRole("button", { name: "返回配置" }).click()
    await tab("Redis配置").click()
    expect(await page.getByLabel("优先级").inputValue()).toBe("0")
    await page.getByRole("button", { name: "安装预览" }).click()
    const previewed = /redis-[a-z0-9]{4}/.exec(
      (await page.locator(".card-title", { hasText: "Redis 7.2.4" }).textContent()) ?? ""
    )![0]
    await page.getByRole("button", { name: "安装", exact: true }).click()
    await page.waitForURL((url) => url.pathname.startsWith("/apps/"))
    const installed = new URL(page.url()).pathname.split("/").pop()!
    expect(installed).toBe(previewed)
    expect(name).toMatch(/^redis-[a-z0-9]{4}$/)

    await page.goto(`${baseUrl()}/apps`)
    const card = page.locator(".app-card-item", { hasText: installed })
    await card.waitFor()
    await card.locator('[data-status="ready"], .badge', { hasText: "运行中" }).waitFor({ timeout: 90_000 })
    await screenshot(page, "panel-redis-ready-zh")
  }, 120_000)

  it("shows Inceptor's dependencies: Metastore new (blue) with MySQL under it, Monitor optional, each with its picker", async () => {
    await page.goto(`${baseUrl()}/catalog/inceptor`)
    await page.getByRole("button", { name: "安装" }).click()
    await page.getByRole("button", { name: "下一步" }).click()
    const column = page.getByRole("navigation", { name: "应用及其依赖" })
    await column.getByRole("button", { name: /Metastore/ }).waitFor()
    const metastore = column.getByLabel("Metastore 的安装方式")
    expect(await metastore.locator("option:checked").textContent()).toBe("新建应用实例")
    expect(await metastore.locator("option", { hasText: "不安装此应用" }).count()).toBe(0)
    await column.getByLabel("MySQL 的安装方式").waitFor()
    const monitor = column.getByLabel("Monitor 的安装方式")
    await monitor.selectOption("none")
    const pickOf = (app: string) =>
      column
        .locator(".dep-node", { has: page.getByLabel(`${app} 的安装方式`) })
        .first()
        .getAttribute("data-pick")
    expect(await pickOf("Monitor")).toBe("none")
    expect(await pickOf("Metastore")).toBe("new")
    expect(await pickOf("MySQL")).toBe("new")

    await column.getByRole("button", { name: /Metastore/ }).click()
    await page.getByRole("heading", { name: /^Metastore/, level: 2 }).waitFor()
    await tab("基础属性").waitFor()
    await screenshot(page, "install-inceptor-deps-zh")
    await column
      .getByRole("button", { name: /Inceptor/ })
      .first()
      .click()
    await tab("Master配置").click()
    await tab("Executor配置").waitFor()
  })

  it("reads in English too", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } })
    const en = await context.newPage()
    await signIn(en, ADMIN.email, ADMIN.password)
    await chooseLanguage(en, "English")
    await en.goto(`${baseUrl()}/catalog/redis/install`)
    await en.getByRole("heading", { name: "Install Redis" }).waitFor()
    await screenshot(en, "install-step1-en")
    await en.getByRole("button", { name: "Next" }).click()
    await en.getByRole("tab", { name: "Basic" }).waitFor()
    await en.getByRole("tab", { name: "Advanced" }).click()
    await screenshot(en, "install-redis-advanced-en")
    await chooseLanguage(en, "中文")
    await context.close()
  })
})
