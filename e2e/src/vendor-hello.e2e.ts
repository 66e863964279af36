import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, signIn } from "./browser"

// The example vendor plugin (examples/vendor-hello) is enabled by the suites' configuration
// alone: its nav entry, page, procedures and demo content reach the console.
describe("a vendor's plugin enabled by configuration", () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it("has a nav entry and a page showing its demo greetings, where a user adds one", async () => {
    const page = await (await browser.newContext({ locale: "zh-CN" })).newPage()
    await signIn(page, "admin@wharf.test", "admin-password-1")
    await page.getByRole("link", { name: "问候", exact: true }).first().click()
    await page.getByRole("heading", { name: "问候墙" }).waitFor()
    await page.getByRole("cell", { name: "欢迎使用 Wharf！" }).waitFor()

    await page.getByLabel("问候语").fill("来自浏览器的问候")
    await page.getByRole("button", { name: "留下问候" }).click()
    await page.getByRole("cell", { name: "来自浏览器的问候" }).waitFor()
    expect(await page.getByRole("cell", { name: "admin@wharf.test" }).count()).toBeGreaterThan(0)
  })

  it("speaks English to a user who chose English", async () => {
    const page = await (await browser.newContext({ locale: "en" })).newPage()
    await signIn(page, "david.lee@example.com")
    await page.goto(`${baseUrl()}/hello`)
    await page.getByRole("heading", { name: "Greetings wall" }).waitFor()
    await page.getByRole("cell", { name: "Hello from a vendor's plugin" }).waitFor()
    await page.getByRole("button", { name: "Leave a greeting" }).click()
    // The server's refusal, shown under the field it names.
    await page.getByRole("textbox", { name: "Greeting" }).and(page.locator("[aria-invalid=true]")).waitFor()
    await page.getByText("must not be empty", { exact: true }).waitFor()
  })
})
