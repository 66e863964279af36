import { createHash } from "node:crypto"
import nodemailer from "nodemailer"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot, signIn, smtpPort } from "./browser"

const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }
const PASSWORD = "wharf-demo-1"
const LOG = {
  name: "broker-日志.log",
  mimeType: "text/plain",
  buffer: Buffer.from("WARN slow append 800ms\n".repeat(4000))
}
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex")

/** Attach a file through the upload component and wait until it is on the server. */
const attach = async (page: Page, file: typeof LOG) => {
  await page.locator(".upload input[type=file]").setInputFiles(file)
  await page
    .locator(".upload-item", { hasText: file.name })
    .locator(".upload-status", { hasText: "已上传" })
    .waitFor()
}

/** The attachment link on the page downloads exactly the file that was attached. */
const expectDownload = async (page: Page, file: typeof LOG) => {
  const link = page.locator(".hd-attachment a", { hasText: file.name }).first()
  await link.waitFor()
  const res = await page.request.get(new URL((await link.getAttribute("href"))!, baseUrl()).toString())
  expect(res.status()).toBe(200)
  expect(res.headers()["content-disposition"]).toContain(encodeURIComponent(file.name))
  expect(sha256(await res.body())).toBe(sha256(file.buffer))
}

/** The outbox, as an admin reads it: the console's own API, signed in with a session. */
const outboxFor = async (to: string) => {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN)
  })
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")
  const input = encodeURIComponent(JSON.stringify({ to, limit: 10, offset: 0 }))
  const res = await fetch(`${baseUrl()}/trpc/helpdesk.admin.outbox?input=${input}`, { headers: { cookie } })
  const json = (await res.json()) as {
    result: { data: { items: { subject: string; text: string; headers: Record<string, string> }[] } }
  }
  return json.result.data.items
}

describe("the helpdesk in the browser", () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  const signedInPage = async (email: string, password = PASSWORD): Promise<Page> => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await signIn(page, email, password)
    return page
  }
  const statusIs = (page: Page, status: string) =>
    page.locator(".hd-meta").getByText(status, { exact: true }).waitFor()

  it("a customer files a ticket with an attachment, support answers and proposes a solution, the customer confirms and rates it", async () => {
    const customer = await signedInPage("zhang.min@example.com")
    await customer.getByRole("heading", { name: "我的工单" }).waitFor()
    await screenshot(customer, "helpdesk-home-widget")
    await customer.goto(`${baseUrl()}/tickets/new`)
    await customer.getByLabel("标题").fill("Kafka 集群写入延迟升高")
    await customer.getByText("软件无法启动或启动后无法进行任何操作").click()
    await customer
      .getByLabel("问题描述")
      .fill("## 现象\n写入延迟从 5ms 升到 **800ms**。\n\n- 版本 2.8\n- 6 个 broker")
    await attach(customer, LOG)
    await screenshot(customer, "helpdesk-new-ticket")
    await customer.getByRole("button", { name: "提交" }).click()
    await customer.waitForURL(/\/tickets\/\d+$/)
    const number = Number(new URL(customer.url()).pathname.split("/").pop())
    await statusIs(customer, "处理中")
    await customer.locator(".hd-markdown strong", { hasText: "800ms" }).waitFor()
    await customer.locator(".hd-attachment", { hasText: "89.8 KB" }).waitFor()
    await expectDownload(customer, LOG)

    const agent = await signedInPage("wang.fang@example.com")
    await agent.goto(`${baseUrl()}/support/tickets`)
    await agent.getByRole("link", { name: `#${number}` }).waitFor()
    await screenshot(agent, "helpdesk-queue")
    await agent.getByRole("link", { name: `#${number}` }).click()
    // Support reads the customer's attachment on the ticket.
    await expectDownload(agent, LOG)
    await agent.getByRole("button", { name: "分配给我" }).click()
    await agent.locator(".hd-history").getByText("处理人 未分配 → 王芳").waitFor()
    await agent.getByLabel("回复").fill("请上传 broker 日志和诊断包。")
    await agent.getByRole("button", { name: "发送回复" }).click()
    // The agent reads the status in their own words: it is the customer's turn.
    await statusIs(agent, "待客户回复")
    await agent.getByRole("tab", { name: "内部备注" }).click()
    await agent.getByText("客户永远看不到").waitFor()
    await agent.getByLabel("内部备注").fill("内部：疑似磁盘 IO 瓶颈，和研发确认中")
    await agent.getByRole("button", { name: "添加内部备注" }).click()
    await agent.locator(".hd-message-internal").waitFor()
    await agent.getByRole("tab", { name: "回复客户" }).click()
    await agent.getByLabel("回复").fill("请将 `num.io.threads` 调整为 16 并滚动重启。")
    await agent.getByRole("button", { name: "提出解决方案" }).click()
    await statusIs(agent, "待客户确认")
    await screenshot(agent, "helpdesk-ticket-support")

    await customer.reload()
    await statusIs(customer, "待您确认")
    expect(await customer.getByText("疑似磁盘 IO 瓶颈").count()).toBe(0)
    await customer.getByRole("button", { name: "问题已解决" }).click()
    await statusIs(customer, "已关闭")
    await customer.locator("label.hd-star", { hasText: "5 星" }).click()
    await customer.getByLabel("意见或建议（可选）").fill("响应及时，方案有效")
    await customer.getByRole("button", { name: "提交评价" }).click()
    await customer.getByText("感谢您的评价").waitFor()
    await screenshot(customer, "helpdesk-ticket-closed-rated")

    await agent.goto(`${baseUrl()}/support/surveys`)
    await agent.getByText("响应及时，方案有效").waitFor()
    await screenshot(agent, "helpdesk-surveys")
  })

  it("my tickets filters by status", async () => {
    const page = await signedInPage("li.wei@example.com")
    await page.goto(`${baseUrl()}/tickets`)
    await page.locator("tbody tr").first().waitFor()
    await page.getByLabel("状态").selectOption({ label: "已关闭" })
    await page.waitForFunction(() =>
      [...document.querySelectorAll("tbody tr td:nth-child(3)")].every((td) => td.textContent === "已关闭")
    )
    await screenshot(page, "helpdesk-my-tickets")
  })

  it("a guest files a ticket with an attachment and replies through the emailed link", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl()}/guest/tickets/new`)
    await page.getByLabel("姓名").fill("访客 刘洋")
    await page.getByLabel("邮箱").fill("liu.yang@example.net")
    await page.getByLabel("标题").fill("WordPress 镜像首页 502")
    await page.getByLabel("问题描述").fill("升级后首页返回 502。")
    const har = {
      name: "首页请求.har",
      mimeType: "application/json",
      buffer: Buffer.from('{"log":{"entries":[]}}')
    }
    await attach(page, har)
    await screenshot(page, "helpdesk-guest-form")
    await page.getByRole("button", { name: "提交" }).click()
    await page.getByText(/已提交。查看链接已发送到 liu.yang@example.net/).waitFor()

    const [mail] = await outboxFor("liu.yang@example.net")
    expect(mail?.subject).toMatch(/^\[#\d+\] WordPress 镜像首页 502$/)
    const link = mail!.text.match(/https?:\/\/\S+\/guest\/tickets\/\d+\?token=[\w-]+/)![0]
    const path = new URL(link).pathname + new URL(link).search
    await page.goto(`${baseUrl()}${path}`)
    await statusIs(page, "处理中")
    // The file sent with the form is on the ticket.
    await expectDownload(page, har)
    await page.getByLabel("回复").fill("补充：只有首页 502，后台正常。")
    const nginx = {
      name: "nginx-error.log",
      mimeType: "text/plain",
      buffer: Buffer.from("502 upstream timed out\n")
    }
    await attach(page, nginx)
    await page.getByRole("button", { name: "发送回复" }).click()
    await page.locator(".hd-message").getByText("补充：只有首页 502，后台正常。").waitFor()
    // The guest's file is on their reply, downloadable through the same link.
    await expectDownload(page, nginx)
    expect(await page.locator(".upload-item").count()).toBe(0)

    // Or they simply answer the mail (HD-13): the reply shows in the thread, marked as mail.
    const smtp = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort(), ignoreTLS: true })
    await smtp.sendMail({
      from: "访客 刘洋 <liu.yang@example.net>",
      to: mail!.headers["Reply-To"],
      subject: `Re: ${mail!.subject}`,
      text: "用邮件回复：清理缓存后恢复了。\n\n在 2026年12月1日，Wharf 写道：\n> 我们已收到您的工单"
    })
    smtp.close()
    await page.reload()
    const byMail = page.locator(".hd-message", { hasText: "用邮件回复：清理缓存后恢复了。" })
    await byMail.locator(".hd-message-time", { hasText: "邮件回复" }).waitFor()
    expect(await byMail.textContent()).not.toContain("我们已收到您的工单")
    await screenshot(page, "helpdesk-guest-ticket")

    // An altered link is refused.
    await page.goto(`${baseUrl()}${path.slice(0, -2)}xx`)
    await page.getByText("链接无效或已被修改").waitFor()
    await context.close()
  })
})
