import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot, signIn } from "./browser"
import { ADMIN, callApi, chooseLanguage, ensureQuota, ownTenantId } from "./catalog-walk"

// Seed 002 chapters 3.1.2 and 4: Inceptor with its dependencies, then 控制面板 and the app page.
describe("Inceptor with its dependencies, 控制面板 and an installed app's page", () => {
  let browser: Browser
  let page: Page
  let inceptor = ""
  let metastore = ""

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    await signIn(page, ADMIN.email, ADMIN.password)
    const cluster = await ensureQuota(page, ADMIN.email)
    const tenant = await ownTenantId(page, ADMIN.email)
    // The seed's existing instance to pick: metastore-eln3 (with its MySQL), visible to all tenants.
    const res = await callApi(page, "POST", "/api/v1/apps", {
      app: "metastore",
      tenant,
      cluster,
      name: "metastore-eln3",
      visibility: "all"
    })
    expect([200, 201]).toContain(res.status)
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  const tab = (name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) })
  const column = () => page.getByRole("navigation", { name: "应用及其依赖" })
  const pickOf = (app: string) =>
    column()
      .locator(".dep-node", { has: page.getByLabel(`${app} 的安装方式`) })
      .first()
      .getAttribute("data-pick")
  const card = (name: string | RegExp) =>
    page.locator(".app-card-item", { has: page.getByRole("link", { name }) })

  it("installs Inceptor: an existing Metastore turns green, a new one blue with MySQL under it, Monitor not installed grey; preview lists them all", async () => {
    await page.goto(`${baseUrl()}/catalog/inceptor/install`)
    await page.getByRole("button", { name: "下一步" }).click()
    const metastorePicker = column().getByLabel("Metastore 的安装方式")
    await metastorePicker.locator("option", { hasText: "metastore-eln3" }).waitFor({ state: "attached" })
    await metastorePicker.selectOption("existing:metastore-eln3")
    expect(await pickOf("Metastore")).toBe("existing")
    expect(await column().getByLabel("MySQL 的安装方式").count()).toBe(0)
    await column().getByLabel("Monitor 的安装方式").selectOption("none")
    expect(await pickOf("Monitor")).toBe("none")
    await screenshot(page, "install-inceptor-existing-zh")

    await metastorePicker.selectOption("new")
    expect(await pickOf("Metastore")).toBe("new")
    expect(await pickOf("MySQL")).toBe("new")
    await tab("Executor配置").click()
    await page
      .getByLabel(/Executor 节点数量|Executor数量|节点数量/)
      .first()
      .fill("2")
    await page.getByRole("button", { name: "安装预览" }).click()
    await page.getByText("第 3 步：安装预览").waitFor({ timeout: 30_000 })
    for (const title of ["Inceptor", "Metastore", "MySQL", "HDFS"])
      await page.locator(".card-title", { hasText: new RegExp(`^${title} `) }).waitFor()
    expect(await page.locator(".notice-error").count()).toBe(0)
    await screenshot(page, "install-inceptor-preview-zh")
    await page.getByRole("button", { name: "安装", exact: true }).click()
    await page.waitForURL((url) => /^\/apps\/inceptor-/.test(url.pathname))
    inceptor = new URL(page.url()).pathname.split("/").pop()!
  }, 90_000)

  it("shows every new instance on 控制面板, and each becomes ready without a reload", async () => {
    await page.getByRole("link", { name: "控制面板" }).first().click()
    await page.getByRole("heading", { name: "控制面板" }).waitFor()
    for (const app of [/^inceptor-/, /^metastore-/, /^mysql-/, /^hdfs-/]) await card(app).first().waitFor()
    await expect
      .poll(async () => page.locator('.app-card-item .badge:has-text("运行中")').count(), { timeout: 90_000 })
      .toBeGreaterThanOrEqual(6)
    // Inceptor starts last, once what it depends on is ready.
    await expect
      .poll(() => card(inceptor).locator(".badge").textContent(), { timeout: 90_000 })
      .toBe("运行中")
    metastore = (await page
      .locator(".app-card-item .app-card-title", { hasText: /^metastore-(?!eln3)/ })
      .first()
      .textContent())!
    await screenshot(page, "panel-ready-zh")
  }, 120_000)

  it("groups by status, namespace or not at all, and filters (OR within, AND across) with both kept in the URL", async () => {
    await page.getByLabel("分类").selectOption("status")
    await page.waitForURL((url) => url.searchParams.get("group") === "status")
    await page.getByRole("heading", { name: /^运行中/ }).waitFor()
    await page.getByLabel("分类").selectOption("namespace")
    await page.getByRole("heading", { name: /^u-admin-wharf-test/ }).waitFor()
    await page.getByLabel("分类").selectOption("none")
    await expect.poll(() => page.locator(".panel-section-title").count()).toBe(0)
    const all = await page.locator(".app-card-item").count()

    await page.getByRole("button", { name: /^筛选/ }).click()
    await page.getByRole("checkbox", { name: "失败" }).check()
    await page.waitForURL((url) => url.searchParams.get("status") === "failed")
    await page.getByText("没有符合筛选条件的应用").waitFor()
    await page.getByRole("checkbox", { name: "运行中" }).check()
    await page.waitForURL((url) => url.searchParams.get("status") === "failed,ready")
    await expect.poll(() => page.locator(".app-card-item").count()).toBe(all)
    await page.getByRole("checkbox", { name: "u-admin-wharf-test" }).check()
    await page.waitForURL((url) => url.searchParams.get("namespace") === "u-admin-wharf-test")
    await expect.poll(() => page.locator(".app-card-item").count()).toBe(all)
    await screenshot(page, "panel-filters-zh")
    await page.reload()
    await page.getByRole("button", { name: "筛选（3）" }).waitFor()
    await page.getByRole("button", { name: "筛选（3）" }).click()
    await page.getByRole("button", { name: "清除筛选" }).click()
    await page.waitForURL((url) => !url.searchParams.has("status") && !url.searchParams.has("namespace"))
    await page.keyboard.press("Escape")
    await page.getByLabel("分类").selectOption("cluster")
  })

  it("steps back from a page past the last (an old link) to the last page there is", async () => {
    const all = await page.locator(".app-card-item").count()
    await page.goto(`${baseUrl()}/apps?page=9`)
    await page.waitForURL((url) => !url.searchParams.has("page"))
    await expect.poll(() => page.locator(".app-card-item").count()).toBe(all)
  })

  it("refuses to delete the Metastore Inceptor depends on, naming it; a cascade lists everything; a lone app deletes", async () => {
    const target = card(metastore)
    await target.hover()
    await target.getByRole("button", { name: `删除 ${metastore}` }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByText(`${inceptor} 依赖 ${metastore}，不能单独删除。`).waitFor()
    expect(await dialog.getByRole("button", { name: "删除", exact: true }).isDisabled()).toBe(true)
    await dialog.getByRole("checkbox", { name: "同时删除依赖它的应用" }).check()
    await dialog.locator(".delete-list li", { hasText: inceptor }).waitFor()
    await dialog.locator(".delete-list li", { hasText: metastore }).waitFor()
    await screenshot(page, "panel-delete-refused-zh")
    await dialog.getByRole("button", { name: "取消" }).click()

    // metastore-eln3 serves no one: it goes, its volumes kept.
    const lone = card("metastore-eln3")
    await lone.hover()
    await lone.getByRole("button", { name: "删除 metastore-eln3" }).click()
    await page.getByRole("dialog").getByText("确定删除 metastore-eln3？").waitFor()
    await page.getByRole("dialog").getByRole("button", { name: "删除", exact: true }).click()
    await expect.poll(() => card("metastore-eln3").count(), { timeout: 60_000 }).toBe(0)
  }, 90_000)

  it("opens Inceptor's page: 概述 with dependencies and component links, 配置 with a preview of the change, 控制台 with its pods", async () => {
    await card(inceptor).getByRole("link", { name: inceptor }).click()
    await page.getByRole("heading", { name: inceptor, level: 1 }).waitFor()
    await page.getByRole("link", { name: metastore }).waitFor()
    // The web UI opens through Wharf (kube-sim's service proxy answers with a small page).
    const [webUi] = await Promise.all([
      page.waitForEvent("popup"),
      page.getByRole("link", { name: /Inceptor\(4040\)/ }).click()
    ])
    await webUi.getByText(new RegExp(`Served by pod ${inceptor}-master-0 .* port 4040`)).waitFor()
    await webUi.close()
    // 事件: what the cluster recorded for its objects and pods.
    await page.getByRole("table", { name: "事件" }).getByRole("cell", { name: "Scheduled" }).first().waitFor()
    expect(await page.getByRole("button", { name: "删除" }).count()).toBe(1)
    await screenshot(page, "instance-overview-zh")

    await tab("配置").click()
    await tab("Executor配置").click()
    const replicas = page.getByLabel(/Executor 节点数量|Executor数量|节点数量/).first()
    expect(await replicas.inputValue()).toBe("2")
    await replicas.fill("3")
    await page.getByRole("button", { name: "保存" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByRole("row", { name: /2\s*3/ }).waitFor()
    await screenshot(page, "instance-config-preview-zh")
    await dialog.getByRole("button", { name: "保存并生效" }).click()
    await page.getByText(`${inceptor} 的新配置正在生效`).waitFor()

    await tab("控制台").click()
    await page.getByRole("columnheader", { name: "节点" }).waitFor()
    await page
      .locator(".pods-table tbody tr", { hasText: `${inceptor}-executor` })
      .first()
      .waitFor()
    await screenshot(page, "instance-console-zh")
  }, 90_000)

  it("reads in English: the control panel and the app page", async () => {
    await chooseLanguage(page, "English")
    await page.goto(`${baseUrl()}/apps?group=status`)
    await page.getByRole("heading", { name: "Control panel" }).waitFor()
    await page.getByRole("heading", { name: /^Ready/ }).waitFor()
    await screenshot(page, "panel-en")
    await page.goto(`${baseUrl()}/apps/${inceptor}`)
    await page.getByRole("tab", { name: "Overview" }).waitFor()
    await screenshot(page, "instance-overview-en")
    await page.getByRole("tab", { name: "Console" }).click()
    await page.getByRole("columnheader", { name: "Node" }).waitFor()
    await screenshot(page, "instance-console-en")
    await chooseLanguage(page, "中文")
  })
})
