import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot } from "./browser"

const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

describe("the console shell", () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())
  beforeEach(async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 } })
    page = await context.newPage()
  })

  const signIn = async (email: string, password: string) => {
    await page.goto(baseUrl())
    await page.getByLabel("邮箱").fill(email)
    await page.getByLabel("密码").fill(password)
    await page.getByRole("button", { name: "登录" }).click()
  }

  it("sends a visitor to sign in, and back to the page they wanted afterwards", async () => {
    await page.goto(`${baseUrl()}/contract-test`)
    await page.waitForURL(/\/sign-in\?next=%2Fcontract-test/)
    await screenshot(page, "sign-in-zh")
    await page.getByLabel("邮箱").fill(ADMIN.email)
    await page.getByLabel("密码").fill(ADMIN.password)
    await page.getByLabel("密码").press("Enter")
    await page.waitForURL(/\/contract-test$/)
    await page.getByRole("heading", { name: "契约测试笔记" }).waitFor()
  })

  it("says a wrong password in the reader's language, and stays on the sign-in page", async () => {
    await signIn(ADMIN.email, "not-the-password")
    const alert = page.getByRole("alert")
    await alert.waitFor()
    expect(await alert.textContent()).toContain("邮箱或密码错误")
    expect(new URL(page.url()).pathname).toBe("/sign-in")
    await page.getByRole("button", { name: "English" }).click()
    await page.getByLabel("Password").fill("still-not-it")
    await page.getByRole("button", { name: "Sign in" }).click()
    await page.getByRole("alert").getByText("Wrong email or password").waitFor()
  })

  it("builds the navigation from enabled plugins, by role", async () => {
    await signIn(ADMIN.email, ADMIN.password)
    const nav = page.getByRole("navigation", { name: "控制台分区" })
    // Admin pages, the contract-test plugin's too, are in the admin menu, opened from the keyboard.
    await nav.getByRole("button", { name: "管理" }).focus()
    await page.keyboard.press("Enter")
    const menu = page.getByRole("menu", { name: "管理" })
    expect(await menu.getByRole("menuitem").allTextContents()).toEqual(
      expect.arrayContaining(["用户", "用户组"])
    )
    await screenshot(page, "home-admin-zh")
    await page.keyboard.press("ArrowDown")
    await page.keyboard.press("Enter")
    await page.getByRole("heading", { name: "用户组" }).waitFor()
    expect(await nav.getByRole("button", { name: "管理" }).getAttribute("class")).toContain("active")

    // A plain user sees no platform admin entries.
    await page.context().clearCookies()
    await signIn("li.wei@example.com", "wharf-demo-1")
    await page.getByRole("heading", { name: "李伟，你好" }).waitFor()
    // The contract-test entry is for everyone; the identity admin pages are not, but as
    // data-team's admin li.wei has the groups they manage.
    await nav.getByRole("button", { name: "管理" }).click()
    expect(await menu.getByRole("menuitem").allTextContents()).toEqual(["我管理的用户组", "契约测试"])
  })

  it("a plugin's page calls its procedure and shows the result; its widget is on the home page", async () => {
    await signIn(ADMIN.email, ADMIN.password)
    await page.getByRole("heading", { name: "契约测试小组件" }).waitFor()
    await page.getByRole("link", { name: "契约测试" }).first().click()
    await page.getByLabel("内容").fill("来自浏览器的笔记")
    await page.getByRole("button", { name: "添加笔记" }).click()
    await page.getByRole("cell", { name: "来自浏览器的笔记" }).waitFor()
  })

  it("switches the language and remembers it for the user", async () => {
    await signIn("zhang.min@example.com", "wharf-demo-1")
    await page.getByRole("button", { name: "用户菜单" }).click()
    await page.getByRole("menuitemradio", { name: "English" }).click()
    await page.getByRole("heading", { name: "Hello, 张敏" }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en")
    await screenshot(page, "home-user-en")

    // A new browser (Chinese by default) opens in English once this user signs in.
    const fresh = await browser.newContext({ locale: "zh-CN" })
    const other = await fresh.newPage()
    await other.goto(baseUrl())
    await other.getByLabel("邮箱").fill("zhang.min@example.com")
    await other.getByLabel("密码").fill("wharf-demo-1")
    await other.getByRole("button", { name: "登录" }).click()
    await other.getByRole("heading", { name: "Hello, 张敏" }).waitFor()

    // Switching back is remembered the same way (and leaves the demo user as other suites expect).
    await other.getByRole("button", { name: "User menu" }).click()
    await other.getByRole("menuitemradio", { name: "中文" }).click()
    await other.getByRole("heading", { name: "张敏，你好" }).waitFor()
    await fresh.close()
    await page.reload()
    await page.getByRole("heading", { name: "张敏，你好" }).waitFor()
  })

  it("signs out from the user menu, with the keyboard", async () => {
    await signIn("david.lee@example.com", "wharf-demo-1")
    const menu = page.getByRole("button", { name: /User menu|用户菜单/ })
    await menu.focus()
    await page.keyboard.press("Enter")
    await page.getByRole("menu").waitFor()
    await page.keyboard.press("Escape")
    expect(await page.getByRole("menu").count()).toBe(0)
    // The user's own pages come from the plugins (identity's profile), above signing out.
    await menu.click()
    expect(await page.getByRole("menu").getByRole("menuitem").allTextContents()).toEqual([
      expect.stringMatching(/Profile|个人设置/),
      expect.stringMatching(/Sign out|退出登录/)
    ])
    await screenshot(page, "user-menu")
    await page.getByRole("menuitem", { name: /Profile|个人设置/ }).click()
    await page.waitForURL(/\/profile$/)
    await page.getByRole("heading", { name: /^(Profile|个人设置)$/ }).waitFor()
    await menu.click()
    await page.getByRole("menuitem", { name: /Sign out|退出登录/ }).click()
    await page.waitForURL(/\/sign-in$/)
    await page.goto(`${baseUrl()}/profile`)
    await page.waitForURL(/\/sign-in\?next=%2Fprofile/)
  })

  it("shows a 404 page for an unknown path, with a way home", async () => {
    await signIn(ADMIN.email, ADMIN.password)
    await page.getByRole("heading", { name: /你好/ }).waitFor()
    await page.goto(`${baseUrl()}/no/such/page`)
    await page.getByRole("heading", { name: "页面不存在" }).waitFor()
    await screenshot(page, "not-found-zh")
    await page.getByRole("link", { name: "返回首页" }).click()
    await page.waitForURL(`${baseUrl()}/`)
  })
})
