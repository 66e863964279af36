import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot } from "./browser"

// Admin pages sit in the navigation's "Admin" menu.
const openAdminPage = async (page: Page, name: string) => {
  await page.getByRole("navigation").getByRole("button", { name: "Admin" }).click()
  await page.getByRole("menuitem", { name, exact: true }).click()
}

describe("identity administration in the console", () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())
  beforeEach(async () => {
    page = await (
      await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } })
    ).newPage()
    // ops@example.com is a demo admin of its own, so its language does not affect other suites.
    await page.goto(baseUrl())
    await page.getByLabel(/Email|邮箱/).fill("ops@example.com")
    await page.getByLabel(/Password|密码/).fill("wharf-demo-1")
    await page.getByRole("button", { name: /Sign in|登录/ }).click()
    await page.getByRole("button", { name: /User menu|用户菜单/ }).click()
    await page.getByRole("menuitemradio", { name: "English" }).click()
    await page.getByRole("heading", { name: /^Hello/ }).waitFor()
  })

  it("an admin creates a user, finds them by search, and a duplicate email is refused in words", async () => {
    await openAdminPage(page, "Users")
    await page.getByRole("button", { name: "New user" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByLabel("Email").fill("e2e.user@example.com")
    await dialog.getByLabel("Name").fill("测试用户")
    await dialog.getByLabel("Password").fill("password-123")
    await dialog.getByRole("button", { name: /Create/ }).click()
    await dialog.waitFor({ state: "hidden" })
    await page.getByLabel("Search users").fill("e2e.user")
    await page.getByRole("cell", { name: "测试用户" }).waitFor()
    await expect.poll(() => page.getByRole("row").count()).toBe(2)

    await page.getByRole("button", { name: "New user" }).click()
    await dialog.getByLabel("Email").fill("e2e.user@example.com")
    await dialog.getByLabel("Name").fill("Again")
    await dialog.getByLabel("Password").fill("password-123")
    // Enter in a field submits, as the Create button does.
    await dialog.getByLabel("Password").press("Enter")
    await dialog.getByText("A user with email e2e.user@example.com already exists").waitFor()
    await page.keyboard.press("Escape")
    await dialog.waitFor({ state: "hidden" })

    // Editing: an empty name is named under its field; fixed, Enter saves.
    await page
      .getByRole("row", { name: /e2e\.user@example\.com/ })
      .getByRole("button", { name: "Edit" })
      .click()
    await dialog.getByLabel("Name").fill(" ")
    await dialog.getByLabel("Name").press("Enter")
    await dialog.locator(".field-error", { hasText: "Enter a name" }).waitFor()
    await dialog.getByLabel("Name").fill("测试用户二")
    await dialog.getByLabel("Name").press("Enter")
    await page.getByText("Saved the changes to 测试用户二").waitFor()
    await dialog.waitFor({ state: "hidden" })
    await page.getByRole("cell", { name: "测试用户二" }).waitFor()
  })

  it("an admin creates a group and adds a member, who then belongs to it", async () => {
    await openAdminPage(page, "Groups")
    await page.getByRole("button", { name: "New group" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByLabel("Name").fill("e2e-team")
    await dialog.getByRole("button", { name: /Create/ }).click()
    await dialog.waitFor({ state: "hidden" })
    await page.getByRole("link", { name: "e2e-team" }).click()
    await page.getByRole("heading", { name: "e2e-team" }).waitFor()
    const add = page.getByRole("form", { name: "Add member" })
    await add.getByLabel("Email").fill("anna.schmidt@example.com")
    await add.getByRole("button", { name: "Add member" }).click()
    await page.getByRole("cell", { name: "anna.schmidt@example.com" }).waitFor()
    await add.getByLabel("Email").fill("nobody@example.com")
    await add.getByRole("button", { name: "Add member" }).click()
    await page.getByText("No user has the email nobody@example.com; create the user first").waitFor()
    await screenshot(page, "group-en")
  })

  it("a user creates an API token, sees it once, and it answers on the REST API", async () => {
    await page.goto(`${baseUrl()}/profile`)
    await page.getByLabel("Token name").fill("e2e pipeline")
    await page.getByRole("button", { name: "Create token" }).click()
    const token = await page.getByRole("dialog").getByLabel("Your new token").inputValue()
    expect(token).toMatch(/^wharf_/)
    const me = await page.request.get(`${baseUrl()}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(me.status()).toBe(200)
  })
})
