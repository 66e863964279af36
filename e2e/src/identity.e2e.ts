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
    await screenshot(page, "users-search-en")

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

  it("a group's admin adds a person by their email and removes them; a plain member gets no controls", async () => {
    // li.wei is data-team's admin, not a platform admin, and reads the console in Chinese.
    const asUser = async (email: string) => {
      const other = await (await browser.newContext({ locale: "zh-CN" })).newPage()
      await other.goto(baseUrl())
      await other.getByLabel("邮箱").fill(email)
      await other.getByLabel("密码").fill("wharf-demo-1")
      await other.getByRole("button", { name: "登录" }).click()
      await other.getByRole("heading", { name: /你好/ }).waitFor()
      return other
    }
    const li = await asUser("li.wei@example.com")
    await li.getByRole("navigation").getByRole("button", { name: "管理" }).click()
    await li.getByRole("menuitem", { name: "我管理的用户组" }).click()
    await li.getByRole("link", { name: "管理 data-team 的成员" }).click()
    await li.getByRole("heading", { name: "data-team" }).waitFor()
    await li.getByRole("cell", { name: "zhang.min@example.com" }).waitFor()
    const add = li.getByRole("form", { name: "添加成员" })
    // A group's admin adds by a whole email (other tenants' people are not theirs to browse):
    // a name finds nobody, said in words, nothing added.
    await add.getByLabel("邮箱").fill("Anna")
    await add.getByRole("button", { name: "添加成员" }).click()
    await add.getByText("没有可添加的用户的邮箱是“Anna”（请输入完整邮箱）").waitFor()
    await add.getByLabel("邮箱").fill("anna.schmidt@example.com")
    await add.getByRole("button", { name: "添加成员" }).click()
    const row = li.getByRole("row", { name: /anna\.schmidt@example\.com/ })
    await row.waitFor()
    await screenshot(li, "my-group-zh")
    // Removed after a confirmation.
    await row.getByRole("button", { name: "移除" }).click()
    await li
      .getByRole("dialog")
      .getByText("Anna Schmidt（anna.schmidt@example.com）将失去对命名空间")
      .waitFor()
    await li.getByRole("dialog").getByRole("button", { name: "移除成员" }).click()
    await li.getByText("已移除 Anna Schmidt").waitFor()
    await row.waitFor({ state: "detached" })
    const groupPage = li.url()
    await li.context().close()

    // zhang.min is a plain member: the page says who manages it and offers nothing to change.
    const zhang = await asUser("zhang.min@example.com")
    await zhang.goto(groupPage)
    await zhang.getByText("只有用户组的管理员可以管理成员；您是这个用户组的普通成员。").waitFor()
    expect(await zhang.getByRole("form", { name: "添加成员" }).count()).toBe(0)
    expect(await zhang.getByRole("button", { name: "移除" }).count()).toBe(0)
    await zhang.context().close()
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
