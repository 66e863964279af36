import { ADMIN } from "@wharf/server/testing"
import type { Browser, Locator, Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot, signIn } from "./browser"
import { chooseLanguage } from "./catalog-walk"

describe("the knowledge base, manuals and support pages", () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())
  beforeEach(async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
  })

  it("searches in Chinese and English, with a count and highlighted matches", async () => {
    await page.goto(`${baseUrl()}/kb`)
    await page.getByRole("heading", { name: "知识库" }).waitFor()
    await page.getByRole("heading", { name: "用户手册" }).waitFor()
    await screenshot(page, "kb-home-zh")
    await page.getByLabel("搜索知识库").fill("无法获取连接")
    await page
      .getByRole("status")
      .filter({ hasText: /共 \d+ 条结果/ })
      .waitFor()
    const first = page.locator(".kb-result-title").first()
    expect(await first.textContent()).toBe("Inceptor 连接失败：无法获取连接")
    expect(await first.locator("mark").allTextContents()).toContain("无法获取连接")
    await screenshot(page, "kb-search-zh")

    await page.getByLabel("搜索知识库").fill("Cannot get a connection")
    await page.waitForURL(/q=Cannot/)
    await page
      .locator(".kb-result-title", { hasText: 'Inceptor client fails with "Cannot get a connection"' })
      .waitFor()
    await screenshot(page, "kb-search-en")
  })

  it("opens an article, and a signed-in reader votes once", async () => {
    await signIn(page, "li.wei@example.com")
    await page.goto(`${baseUrl()}/kb?q=${encodeURIComponent("Kafka 配额")}`)
    await page.locator(".kb-result-title").first().click()
    await page.waitForURL(/\/kb\/articles\//)
    await page.locator(".kb-prose").waitFor()
    await page.getByRole("heading", { name: "相关文章" }).waitFor()
    await page.getByRole("button", { name: "有帮助", exact: true }).click()
    await page.getByTestId("vote-counts").filter({ hasText: "1 人觉得有帮助，0 人觉得没帮助" }).waitFor()
    // Voting again does not count twice.
    await page.getByRole("button", { name: "有帮助", exact: true }).click()
    await page.reload()
    await page.getByTestId("vote-counts").filter({ hasText: "1 人觉得有帮助，0 人觉得没帮助" }).waitFor()
    expect(await page.getByRole("button", { name: "有帮助", exact: true }).getAttribute("aria-pressed")).toBe(
      "true"
    )
    await screenshot(page, "kb-article-zh")
  })

  it("browses a manual and switches its version, staying on the same page", async () => {
    await page.goto(`${baseUrl()}/kb`)
    await page.getByRole("link", { name: "TOS 2.0 用户手册" }).click()
    await page.waitForURL(/\/manuals\/TOS\/2\.0$/)
    await page.getByRole("link", { name: "安装应用" }).click()
    await page.waitForURL(/\/manuals\/TOS\/2\.0\/install-app$/)
    await page.getByText("TOS 2.0 起安装向导支持保存为模板").waitFor()
    await screenshot(page, "manual-tos-2.0")
    await page.getByLabel("版本").selectOption("1.9")
    await page.waitForURL(/\/manuals\/TOS\/1\.9\/install-app$/)
    await page.getByRole("heading", { name: "安装应用" }).waitFor()
    expect(await page.getByText("TOS 2.0 起安装向导支持保存为模板").count()).toBe(0)
    await screenshot(page, "manual-tos-1.9")
  })

  it("in English, a manual page reads in English, and a knowledge-base search finds it by its English words", async () => {
    const english = await browser.newContext({ locale: "en", viewport: { width: 1280, height: 900 } })
    const reader = await english.newPage()
    await reader.goto(`${baseUrl()}/manuals/TOS/2.0/install-app`)
    await reader.getByRole("heading", { name: "Installing apps" }).waitFor()
    await reader.getByText("From TOS 2.0 the install wizard can be saved as a template.").waitFor()
    expect(await reader.getByText("wharf apps install redis --tenant u-liwei --set memory=1Gi").count()).toBe(
      1
    )
    expect(await reader.locator(".manual-prose").textContent()).not.toMatch(/安装向导|应用列表/)
    await screenshot(reader, "manual-tos-2.0-en")
    await reader.goto(`${baseUrl()}/kb?q=${encodeURIComponent("install wizard template")}`)
    const hits = reader.locator(".manuals-hits")
    await hits.getByRole("link", { name: "Installing apps" }).waitFor()
    expect(await hits.locator("mark").allTextContents()).toContain("wizard")
    await english.close()
  })

  it("shows the support channels with their live state, and the releases newest first", async () => {
    await page.goto(`${baseUrl()}/support`)
    await page.getByRole("cell", { name: "在控制台提交工单" }).waitFor()
    expect(await page.locator(".support-state").count()).toBe(4)
    await screenshot(page, "support-zh")
    await page.goto(`${baseUrl()}/releases`)
    await page.getByRole("heading", { name: "TOS 2.1 正式发布" }).waitFor()
    await screenshot(page, "releases-zh")
  })

  it("suggests matching articles beside the new-ticket form while the user types", async () => {
    await signIn(page, "li.wei@example.com")
    await page.goto(`${baseUrl()}/tickets/new`)
    const aside = page.locator(".kb-deflection")
    await aside.getByText("输入标题和描述后，这里会推荐相关文章").waitFor()
    await page.getByLabel("标题").fill("Inceptor 无法获取连接")
    await aside.getByRole("link", { name: "Inceptor 连接失败：无法获取连接" }).waitFor()
    expect(await aside.getByRole("link").count()).toBeLessThanOrEqual(5)
    expect(await aside.locator("mark").allTextContents()).toContain("无法获取连接")
    await screenshot(page, "kb-deflection-zh")
    // The article opens beside the draft, so nothing typed is lost.
    expect(await aside.getByRole("link").first().getAttribute("target")).toBe("_blank")
  })

  it("an admin curates the quick links, and readers find them under the search box and on the home page", async () => {
    await signIn(page, ADMIN.email, ADMIN.password)
    await page.goto(`${baseUrl()}/admin/kb/quick-links`)
    await page.getByRole("heading", { name: "快捷链接（5）" }).waitFor()
    await page.getByRole("button", { name: "添加链接" }).click()
    await page.getByRole("button", { name: "保存" }).click()
    await page.getByText("第 6 行的显示文字和搜索关键词都不能为空").waitFor()
    await page.getByLabel("显示文字").last().fill("Kafka 分区")
    await page.getByLabel("搜索关键词").last().fill("Kafka 分区")
    await page.getByRole("button", { name: "保存" }).click()
    await page.getByText("快捷链接已保存").waitFor()
    await screenshot(page, "kb-quick-links-admin")

    const reader = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } })
    page = await reader.newPage()
    await page.goto(`${baseUrl()}/kb`)
    await page.locator(".kb-quick").getByRole("link", { name: "Kafka 分区" }).click()
    await page.waitForURL(/q=Kafka/)
    await page
      .getByRole("status")
      .filter({ hasText: /共 \d+ 条结果/ })
      .waitFor()
    await signIn(page, "li.wei@example.com")
    await page.goto(`${baseUrl()}/`)
    const widget = page.locator(".card", { has: page.getByRole("heading", { name: "搜索知识库" }) })
    await widget.getByRole("link", { name: "Kafka 分区" }).waitFor()
    await widget.getByRole("searchbox").fill("Cannot get a connection")
    await widget.getByRole("button", { name: "搜索" }).click()
    await page.waitForURL(/\/kb\?q=Cannot/)
    await page.locator(".kb-result-title").first().waitFor()
    await screenshot(page, "kb-home-widget-search")
  })

  // The admin dialogs check before they send: each wrong field says why under itself.
  const fieldError = (dialog: Locator, label: string) =>
    dialog
      .locator(".field")
      .filter({ has: page.getByLabel(label) })
      .locator(".field-error")

  it("an admin adds an FAQ entry and a premium service, told in words which field is missing", async () => {
    await signIn(page, ADMIN.email, ADMIN.password)
    const dialog = page.getByRole("dialog")
    await page.goto(`${baseUrl()}/support/faq`)
    await page.getByRole("button", { name: "新增问题" }).click()
    await dialog.getByLabel("问题").fill("E2E：如何重置密码？")
    await dialog.getByRole("button", { name: "保存" }).click()
    expect(await fieldError(dialog, "回答").textContent()).toBe("必填")
    expect(await fieldError(dialog, "问题").count()).toBe(0)
    await screenshot(page, "faq-dialog-zh")
    await dialog.getByLabel("回答").fill("在个人资料页修改。")
    await dialog.getByRole("button", { name: "保存" }).click()
    await page.getByText("已保存", { exact: true }).waitFor()
    await dialog.waitFor({ state: "hidden" })

    await page.goto(`${baseUrl()}/support/services`)
    await page.getByRole("button", { name: "新增服务" }).click()
    await dialog.getByLabel("服务名称").fill("E2E 巡检")
    await dialog.getByLabel("类别").fill("巡检")
    await dialog.getByLabel("服务说明").fill("一次集群巡检")
    await dialog.getByRole("button", { name: "保存" }).click()
    expect(await fieldError(dialog, "价格说明").textContent()).toBe("必填")
    // Exact: the dialog also has 英文价格说明 (the English price note).
    await dialog.getByRole("textbox", { name: "价格说明", exact: true }).fill("¥1,000/次")
    await dialog.getByRole("button", { name: "保存" }).click()
    await dialog.waitFor({ state: "hidden" })
    await page.getByRole("heading", { name: "E2E 巡检" }).waitFor()
    // Esc closes without saving.
    await page.getByRole("button", { name: "新增服务" }).click()
    await dialog.getByLabel("服务名称").fill("不要保存")
    await page.keyboard.press("Escape")
    await dialog.waitFor({ state: "hidden" })
    expect(await page.getByRole("heading", { name: "不要保存" }).count()).toBe(0)
  })

  it("an editor announces a release, adds a manual page and starts a version, each fixed after a refusal", async () => {
    await signIn(page, ADMIN.email, ADMIN.password)
    const dialog = page.getByRole("dialog")
    await page.goto(`${baseUrl()}/releases`)
    await page.getByRole("button", { name: "新建发布声明" }).click()
    await dialog.getByLabel("标题").fill("E2E 旧版说明")
    await dialog.getByLabel("版本").fill("0.1")
    await dialog.getByLabel("发布日期").fill("2019-05-01")
    await dialog.getByLabel("正文").fill("早年的版本。")
    await dialog.getByRole("button", { name: "发布" }).click()
    expect(await fieldError(dialog, "产品").textContent()).toBe("必填")
    await dialog.getByLabel("产品").fill("E2E")
    await dialog.getByRole("button", { name: "发布" }).click()
    await page.getByText("已发布，首页和 Atom 订阅同时可见").waitFor()
    await dialog.waitFor({ state: "hidden" })

    await page.goto(`${baseUrl()}/kb`)
    await page.getByRole("link", { name: "TOS 2.0 用户手册" }).click()
    await page.getByRole("button", { name: "新建页面" }).click()
    await dialog.getByRole("textbox", { name: "标题", exact: true }).fill("E2E 页面")
    await dialog.getByLabel("页面地址").fill("E2E_page")
    await dialog.getByRole("textbox", { name: "正文", exact: true }).fill("测试正文")
    // The English is optional: written here, English readers see it.
    await dialog.getByLabel("英文标题").fill("E2E page")
    await dialog.getByLabel("英文正文").fill("Text for English readers")
    await dialog.getByRole("button", { name: "保存" }).click()
    expect(await fieldError(dialog, "页面地址").textContent()).toBe(
      "只能用小写字母、数字和短横线，且以字母或数字开头"
    )
    await dialog.getByLabel("页面地址").fill("e2e-page")
    await dialog.getByRole("button", { name: "保存" }).click()
    await page.getByText("页面已保存").waitFor()
    await page.getByRole("heading", { name: "E2E 页面" }).waitFor()
    await page.getByRole("button", { name: "编辑此页" }).click()
    await expect.poll(() => dialog.getByLabel("英文正文").inputValue()).toBe("Text for English readers")
    await page.keyboard.press("Escape")
    await dialog.waitFor({ state: "hidden" })

    await page.getByRole("button", { name: "新建版本" }).click()
    await dialog.getByRole("button", { name: "创建" }).click()
    expect(await fieldError(dialog, "版本").textContent()).toBe("必填")
    await dialog.getByLabel("版本").fill("0.9")
    expect(await dialog.getByLabel("标题").inputValue()).toBe("TOS 0.9 用户手册")
    await dialog.getByLabel("发布日期").fill("2019-01-01")
    await dialog.getByRole("button", { name: "创建" }).click()
    await page.getByText("新版本已创建").waitFor()
    await dialog.waitFor({ state: "hidden" })
  })

  it("a release date that does not exist is explained under its field, in Chinese and in English", async () => {
    await signIn(page, ADMIN.email, ADMIN.password)
    // The date picker offers real days only; another client (or a typed-in value) can send any.
    await page.route("**/trpc/manuals.releases.create**", (route) =>
      route.continue({
        postData: route
          .request()
          .postData()!
          .replace(/"date":"[^"]*"/, '"date":"2026-02-30"')
      })
    )
    const languages = [
      ["中文", "新建发布声明", ["标题", "产品", "版本", "正文"], "发布日期", "发布", "须为真实存在的日期"],
      [
        "English",
        "Announce a release",
        ["Title", "Product", "Version", "Announcement"],
        "Release date",
        "Publish",
        "must be a real date"
      ]
    ] as const
    for (const [language, announce, texts, date, publish, why] of languages) {
      await page.goto(`${baseUrl()}/releases`)
      if (language === "English") await chooseLanguage(page, language)
      await page.getByRole("button", { name: announce }).click()
      const dialog = page.getByRole("dialog")
      for (const label of texts) await dialog.getByLabel(label).fill("E2E")
      await dialog.getByLabel(date).fill("2026-02-28")
      await dialog.getByRole("button", { name: publish }).click()
      await fieldError(dialog, date).filter({ hasText: why }).waitFor()
      expect(await fieldError(dialog, date).textContent()).toContain("YYYY-MM-DD")
      await screenshot(page, `release-date-refused-${language}`)
    }
    // Suites share the admin: back to Chinese.
    await page.keyboard.press("Escape")
    await chooseLanguage(page, "中文")
  })
})
