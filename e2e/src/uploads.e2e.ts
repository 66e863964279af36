import { createHash, randomBytes } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot, signIn } from "./browser"

const SIZE = 3 * 1024 ** 2
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex")

// chen.jie: a demo user no other browser suite signs in as (another switches zhang.min to English).
describe("resumable uploads in the browser", () => {
  let browser: Browser
  let dir: string
  let file: string
  beforeAll(async () => {
    browser = await launchBrowser()
    dir = mkdtempSync(join(tmpdir(), "wharf-e2e-upload-"))
    // A file on disk keeps its modification time, which is part of the tus fingerprint.
    file = join(dir, "诊断包-diagnostics.bin")
    writeFileSync(file, randomBytes(SIZE))
  })
  afterAll(async () => {
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Slow the page's uploads down to `bytesPerSecond` (-1: no limit), as a thin uplink would. */
  const throttle = async (page: Page, bytesPerSecond: number) => {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond
    })
  }
  const progressOf = async (page: Page) =>
    Number((await page.locator(".upload-item [role=progressbar]").first().getAttribute("aria-valuenow")) ?? 0)

  it("uploads a file through the component, survives a reload mid-way, and resumes where it stopped", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await signIn(page, "chen.jie@example.com")
    await page.goto(`${baseUrl()}/tickets/new`)
    await page.getByLabel("标题").waitFor()

    await throttle(page, 256 * 1024)
    await page.locator(".upload input[type=file]").setInputFiles(file)
    await page.locator(".upload-item").getByText(/\/秒/).waitFor()
    await page.waitForFunction(
      () =>
        Number(document.querySelector(".upload-item [role=progressbar]")?.getAttribute("aria-valuenow")) >= 20
    )
    const before = await progressOf(page)
    expect(before).toBeLessThan(100)
    await screenshot(page, "upload-in-progress")

    await page.reload()
    await page.getByLabel("标题").waitFor()
    // The interrupted upload is remembered; choosing the same file again continues it.
    await page.locator(".upload-interrupted", { hasText: "诊断包-diagnostics.bin" }).waitFor()
    await screenshot(page, "upload-interrupted")
    await throttle(page, -1)
    await page.locator(".upload input[type=file]").setInputFiles(file)
    const resumed = page.locator(".upload-resumed")
    await resumed.waitFor()
    const from = Number(/(\d+)%/.exec((await resumed.textContent()) ?? "")?.[1])
    expect(from).toBeGreaterThanOrEqual(10)
    await page.locator(".upload-item", { hasText: "已上传" }).waitFor()
    expect(await page.locator(".upload-interrupted").count()).toBe(0)

    // The resumed file is whole: attach it to a ticket and download it back.
    await page.getByLabel("标题").fill("断点续传的诊断包")
    await page.getByLabel("问题描述").fill("见附件")
    await page.getByRole("button", { name: "提交" }).click()
    await page.waitForURL(/\/tickets\/\d+$/)
    const link = page.locator(".hd-attachment a", { hasText: "诊断包-diagnostics.bin" })
    await link.waitFor()
    const res = await page.request.get(new URL((await link.getAttribute("href"))!, baseUrl()).toString())
    expect(sha256(await res.body())).toBe(sha256(readFileSync(file)))
    await screenshot(page, "upload-attached")
    await context.close()
  })

  it("pauses and resumes, and when the connection drops says so and carries on once it is back", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await signIn(page, "chen.jie@example.com")
    await page.goto(`${baseUrl()}/tickets/new`)
    const second = join(dir, "heap-dump.hprof")
    writeFileSync(second, randomBytes(2 * 1024 ** 2))
    const cdp = await context.newCDPSession(page)
    await cdp.send("Network.enable")
    const network = (offline: boolean, uploadThroughput: number) =>
      cdp.send("Network.emulateNetworkConditions", {
        offline,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput
      })
    await network(false, 256 * 1024)
    await page.locator(".upload input[type=file]").setInputFiles(second)
    const item = page.locator(".upload-item", { hasText: "heap-dump.hprof" })
    await item.getByText(/\/秒/).waitFor()

    await item.getByRole("button", { name: "暂停" }).click()
    await item.getByText("已暂停").waitFor()
    const paused = await progressOf(page)
    await page.waitForTimeout(1000)
    expect(await progressOf(page)).toBe(paused)
    await item.getByRole("button", { name: "继续" }).click()
    await item.getByText(/\/秒/).waitFor()

    await network(true, 256 * 1024)
    await item.getByText(/连接中断，\d+ 秒后重试/).waitFor()
    await screenshot(page, "upload-connection-lost")
    await network(false, -1)
    await item.getByText("已上传").waitFor({ timeout: 45_000 })
    expect(await progressOf(page)).toBe(100)
    await context.close()
  })

  it("says at once when a file is over the limit, and sends nothing", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await signIn(page, "chen.jie@example.com")
    await page.goto(`${baseUrl()}/tickets/new`)
    await page.locator(".upload input[type=file]").waitFor({ state: "attached" })
    let created = 0
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/uploads")) created++
    })
    // A File claiming 3 GB, made in the page: nothing that big needs to exist on disk.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>(".upload input[type=file]")!
      const big = new File([new Uint8Array(1)], "huge.tar", { type: "application/x-tar" })
      Object.defineProperty(big, "size", { value: 3 * 1024 ** 3 })
      const dt = new DataTransfer()
      dt.items.add(big)
      input.files = dt.files
      input.dispatchEvent(new Event("change", { bubbles: true }))
    })
    await page.getByRole("alert").getByText("huge.tar 有 3.0 GB，超过了 2.0 GB 的上限").waitFor()
    expect(created).toBe(0)
    await context.close()
  })
})
