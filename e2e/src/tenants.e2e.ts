import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot, signIn } from "./browser"

const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }
const USER = "david.lee@example.com"

describe("quotas and 租客管理 in the console", () => {
  let browser: Browser
  let admin: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } })
    admin = await context.newPage()
    await signIn(admin, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await browser?.close()
  })

  const card = () => admin.locator(".card", { hasText: `${USER} (u-david-lee-example-com)` })

  it("creates a quota for a user with the seed's defaults", async () => {
    await admin.goto(`${baseUrl()}/quotas`)
    await admin.getByRole("heading", { name: "配额", exact: true }).waitFor()
    await admin.getByRole("button", { name: "新建" }).click()
    const dialog = admin.getByRole("dialog")
    await dialog.getByLabel("用户 Email").fill(USER)
    expect(await dialog.getByLabel("CPU（核）").inputValue()).toBe("24")
    expect(await dialog.getByLabel("内存（MiB）").inputValue()).toBe("102400")
    await dialog.getByRole("button", { name: "创建" }).click()
    await card().waitFor()
    expect(await card().locator("tbody tr").count()).toBe(1)
    await screenshot(admin, "quotas-created-zh")
  })

  it("finds a tenant's quota by name, and says when no tenant matches", async () => {
    const search = admin.getByRole("searchbox", { name: "查找租客" })
    await search.fill("david")
    await expect.poll(() => admin.locator(".card table[aria-label]").count()).toBe(2) // david's and the summary
    await card().waitFor()
    await search.fill("nobody-has-this-name")
    await admin.getByText("没有名称或 ID 含“nobody-has-this-name”的租客").waitFor()
    await search.fill("")
    await card().waitFor()
  })

  it("adds a second priority, edits a value in place, deletes a priority", async () => {
    await card()
      .getByRole("button", { name: `添加优先级 ${USER}` })
      .click()
    const dialog = admin.getByRole("dialog")
    expect(await dialog.getByLabel("用户 Email").inputValue()).toBe(USER)
    await dialog.getByLabel("优先级").fill("3")
    await dialog.getByRole("button", { name: "创建" }).click()
    await card().locator("tbody tr").nth(1).waitFor()

    await card().getByRole("button", { name: "修改 CPU（核） (优先级 3)" }).click()
    const input = card().getByLabel("CPU（核） (优先级 3)")
    await input.fill("12")
    await input.press("Enter")
    await card()
      .getByRole("button", { name: "修改 CPU（核） (优先级 3)" })
      .filter({ hasText: "12" })
      .waitFor()
    await screenshot(admin, "quotas-edited-zh")

    await card().getByRole("button", { name: "删除 优先级 3" }).click()
    await admin.getByText("已删除优先级 3").waitFor()
    await expect.poll(() => card().locator("tbody tr").count()).toBe(1)
  })

  it("lets another tenant reach a tenant's namespace, and takes it back after asking", async () => {
    await admin.goto(`${baseUrl()}/tenants/u-david-lee-example-com`)
    const peers = admin.locator(".card", { hasText: "允许访问的租客" })
    await peers.getByText("没有其他租客可以访问").waitFor()
    const picker = peers.getByLabel("租客")
    await expect.poll(() => picker.locator("option").count()).toBeGreaterThan(0)
    const chosen = (await picker.locator("option").first().textContent())!
    const name = chosen.replace(/ \(.*\)$/, "")
    await peers.getByRole("button", { name: "允许访问" }).click()
    await admin.getByText(`已允许 ${name} 访问`).waitFor()
    await peers.locator("tbody tr", { hasText: name }).waitFor()
    await screenshot(admin, "tenant-peers-zh")

    await peers.getByRole("button", { name: `移除 ${name}` }).click()
    const confirm = admin.getByRole("dialog")
    await confirm.getByText(`${name} 的 Pod 将不能再访问`).waitFor()
    await confirm.getByRole("button", { name: "移除" }).click()
    await peers.getByText("没有其他租客可以访问").waitFor()
  })

  // David chose English in his profile: the page follows his language, not the browser's.
  it("shows the user their quota on 租客管理 (Tenants)", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } })
    const user = await context.newPage()
    await signIn(user, USER)
    await user.goto(`${baseUrl()}/tenants`)
    await user.getByRole("heading", { name: "Tenants", exact: true, level: 1 }).waitFor()
    const mine = user.locator(".card", { hasText: `default · ${USER}` }).first()
    await mine.waitFor()
    await mine.getByText("CPU (cores)").first().waitFor()
    await mine.getByText("0 of 24 used").waitFor()
    await mine.getByText("0 MiB of 100 GiB used").first().waitFor()
    await user.getByRole("link", { name: USER }).waitFor()
    await screenshot(user, "tenants-mine-en")
    await context.close()
  })
})
