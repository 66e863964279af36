/**
 * The support center as a new user finds it (issue 13), in Chinese and in English: each
 * test is the sentence a visitor, customer or agent would say.
 */
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, signIn } from "./browser"

const PASSWORD = "wharf-demo-1"

/** A signed-in REST client, for preparing a ticket the way the console would. */
const restAs = async (email: string) => {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD })
  })
  const cookies = login.headers.getSetCookie().map((c) => c.split(";")[0]!)
  const csrf = cookies.find((c) => c.startsWith("wharf_csrf="))?.slice("wharf_csrf=".length)
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers: {
        cookie: cookies.join("; "),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
        ...(body ? { "content-type": "application/json" } : {})
      },
      ...(body ? { body: JSON.stringify(body) } : {})
    })
    return (await res.json()) as Record<string, any>
  }
}

/** A ticket of zhang.min's on which support has just proposed a solution. */
const ticketAwaitingConfirmation = async () => {
  const customer = await restAs("zhang.min@example.com")
  const agent = await restAs("wang.fang@example.com")
  const options = await customer("GET", "/../../trpc/helpdesk.tickets.options")
  const categoryId = options.result.data.categories[0].id as string
  const created = await customer("POST", "/tickets", {
    title: "HDFS 写入变慢 / HDFS writes slow down",
    severity: "normal",
    categoryId,
    description: "写入吞吐从 200 MB/s 降到 20 MB/s。"
  })
  const number = created.number as number
  await agent("POST", `/tickets/${number}/replies`, { body: "请扩容 DataNode 磁盘。", proposeSolution: true })
  return number
}

const chooseLanguage = async (page: Page, name: "English" | "中文") => {
  await page.getByRole("button", { name: /用户菜单|User menu/ }).click()
  // Saved on the profile before the next page load asks for it.
  const saved = page.waitForResponse((r) => r.url().includes("identity.profile.setLocale"))
  await page.getByRole("menuitemradio", { name }).click()
  await saved
}

const cases = [
  {
    locale: "zh-CN",
    signIn: "登录",
    guestLink: "无需注册，直接提交工单 →",
    guestTitle: /提交工单/,
    support: "支持中心",
    kb: "知识库",
    faq: "常见问题",
    awaitingReply: "待客户回复",
    awaitingConfirmation: "待客户确认",
    notSolved: "问题未解决",
    sendNotSolved: "提交：问题未解决",
    inProgress: "处理中",
    notSolvedHistory: "表示问题未解决",
    labelInput: "标签",
    addLabel: "添加标签",
    notKeyValue: "“not a label”不是 key=value 的格式",
    manuals: "用户手册",
    readManual: "阅读 TOS 2.0 用户手册",
    troubleshooting: "故障排查",
    podPending: "Pod 一直处于 Pending",
    service: "选型咨询",
    release: "TOS 2.1 正式发布",
    groupTenant: "用户组 data-team",
    serviceHours: "5×8 (周一至周五 08:00–17:30)",
    serviceDays: "周一二三四五",
    comments: "意见或建议",
    platform: "平台",
    clusters: "集群管理",
    tagLabel: "标签",
    tags: ["常见问题", "升级", "配额"],
    otherTags: ["faq", "FAQ", "upgrade", "Upgrade", "quota", "Quota"]
  },
  {
    locale: "en",
    signIn: "Sign in",
    guestLink: "File a ticket without registering →",
    guestTitle: /ticket/i,
    support: "Support center",
    kb: "Knowledge base",
    faq: "FAQ",
    awaitingReply: "Awaiting customer reply",
    awaitingConfirmation: "Awaiting customer confirmation",
    notSolved: "Not solved",
    sendNotSolved: "Send: not solved",
    inProgress: "In progress",
    notSolvedHistory: "said it is not solved",
    labelInput: "Label",
    addLabel: "Add label",
    notKeyValue: '"not a label" is not key=value',
    manuals: "User manuals",
    readManual: "Read TOS 2.0 user manual",
    troubleshooting: "Troubleshooting",
    podPending: "Pod stays Pending",
    service: "Product selection",
    release: "TOS 2.1 released",
    groupTenant: "Group data-team",
    serviceHours: "5×8 (Mon–Fri 08:00–17:30)",
    serviceDays: "Mon Tue Wed Thu Fri",
    comments: "Comments",
    platform: "Platform",
    clusters: "Clusters",
    tagLabel: "Tag",
    tags: ["FAQ", "Upgrade", "Quota"],
    otherTags: ["faq", "常见问题", "upgrade", "升级", "quota", "配额"]
  }
] as const

describe.each(cases)("the support center in $locale", (c) => {
  let browser: Browser
  const fresh = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: c.locale, viewport: { width: 1280, height: 800 } })
    await context.addInitScript((l) => localStorage.setItem("wharf.locale", l), c.locale)
    return context.newPage()
  }
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  /** Sign in and read in this suite's language (the profile's wins at sign-in); `done` restores it. */
  const signedIn = async (page: Page, email: string, password = PASSWORD) => {
    await signIn(page, email, password)
    if (c.locale === "en") await chooseLanguage(page, "English")
  }
  const done = async (page: Page) => {
    if (c.locale === "en") await chooseLanguage(page, "中文")
    await page.context().close()
  }
  afterAll(() => browser?.close())

  it("signed out, I reach the guest ticket form from the sign-in page and from every 'file a ticket'", async () => {
    const page = await fresh()
    await page.goto(`${baseUrl()}/sign-in`)
    await page.getByRole("link", { name: c.guestLink }).click()
    await page.waitForURL(/\/guest\/tickets\/new$/)
    await page.getByRole("heading", { name: c.guestTitle }).first().waitFor()
    // The signed-in form's address sends a visitor to the guest form, not to sign in.
    await page.goto(`${baseUrl()}/tickets/new`)
    await page.waitForURL(/\/guest\/tickets\/new$/)
    // The support page's ticket channel does too.
    await page.goto(`${baseUrl()}/support`)
    await page.locator("table a[href='/tickets/new']").first().click()
    await page.waitForURL(/\/guest\/tickets\/new$/)
    await page.context().close()
  })

  it("signed out, I get around the public pages with the navigation, and can sign in from any of them", async () => {
    const page = await fresh()
    await page.goto(`${baseUrl()}/kb`)
    const nav = page.getByRole("navigation", { name: c.support })
    await nav.getByRole("link", { name: c.faq }).click()
    await page.waitForURL(/\/support\/faq$/)
    await nav.getByRole("link", { name: c.kb }).click()
    await page.waitForURL(/\/kb$/)
    // The logo leads to the public support page, not to sign-in.
    await page.locator("a.brand").click()
    await page.waitForURL(/\/support$/)
    await page.getByRole("link", { name: c.signIn, exact: true }).click()
    await page.waitForURL(/\/sign-in\?next=%2Fsupport$/)
    await page.context().close()
  })

  it("I find the manuals from the navigation, open one version, read its troubleshooting chapter, and the breadcrumb brings me back to the index", async () => {
    const page = await fresh()
    await page.goto(`${baseUrl()}/support`)
    await page.getByRole("navigation", { name: c.support }).getByRole("link", { name: c.manuals }).click()
    await page.waitForURL(/\/manuals$/)
    await page.getByRole("heading", { name: c.manuals, level: 1 }).waitFor()
    expect(await page.locator(".manuals-index .card").count()).toBeGreaterThanOrEqual(2)
    await page.getByRole("link", { name: c.readManual }).click()
    await page.waitForURL(/\/manuals\/TOS\/2\.0/)
    // A real manual: chapters for installing, configuring, operating and troubleshooting, several pages each.
    // The table of contents reads in my language.
    await page.locator(".manual-toc").getByRole("link", { name: c.troubleshooting }).click()
    await page.waitForURL(/\/manuals\/TOS\/2\.0\/troubleshoot$/)
    await page.locator(".manual-toc").getByRole("link", { name: c.podPending }).click()
    await page.getByText("exceeded quota").first().waitFor()
    expect(await page.locator(".manual-toc li").count()).toBeGreaterThanOrEqual(20)
    await page.locator(".breadcrumbs").getByRole("link", { name: c.manuals }).click()
    await page.waitForURL(/\/manuals$/)
    await page.context().close()
  })

  it("I filter the knowledge base by tags named in my language, each topic once", async () => {
    const page = await fresh()
    await page.goto(`${baseUrl()}/kb?q=${encodeURIComponent(c.tags[0])}`)
    const filter = page.getByLabel(c.tagLabel, { exact: true })
    await filter.locator("option", { hasText: c.tags[0] }).waitFor({ state: "attached" })
    const options = await filter.locator("option").allTextContents()
    for (const tag of c.tags) expect(options.filter((o) => o === tag)).toHaveLength(1)
    for (const other of c.otherTags) expect(options).not.toContain(other)
    await filter.selectOption({ label: c.tags[0] })
    await page.waitForURL((url) => url.searchParams.get("tag") === "faq")
    await page.locator(".kb-result-title").first().waitFor()
    await page.context().close()
  })

  it("as an agent, I read statuses in my own words: it is the customer's turn, not mine", async () => {
    const page = await fresh()
    await signedIn(page, "wang.fang@example.com")
    await page.goto(`${baseUrl()}/support/tickets`)
    const filter = page.locator("select").first()
    await filter.locator("option", { hasText: c.awaitingReply }).waitFor({ state: "attached" })
    expect(await filter.locator("option").allTextContents()).toEqual(
      expect.arrayContaining([c.awaitingReply, c.awaitingConfirmation])
    )
    await filter.selectOption({ label: c.awaitingReply })
    await page.locator("tbody .badge", { hasText: c.awaitingReply }).first().waitFor()
    await done(page)
  })

  it("as a customer, I say a proposed solution did not solve it, and the ticket goes back to in progress with my reply", async () => {
    const number = await ticketAwaitingConfirmation()
    const page = await fresh()
    await signedIn(page, "zhang.min@example.com")
    await page.goto(`${baseUrl()}/tickets/${number}`)
    await page.getByRole("button", { name: c.notSolved, exact: true }).click()
    await page.getByRole("button", { name: c.sendNotSolved }).click()
    await page.getByRole("alert").waitFor()
    await page.locator(".hd-compose textarea").fill("扩容后仍然很慢 / still slow after adding disks")
    await page.getByRole("button", { name: c.sendNotSolved }).click()
    await page.locator(".hd-meta").getByText(c.inProgress, { exact: true }).waitFor()
    await page.locator(".hd-message", { hasText: "still slow after adding disks" }).waitFor()
    await page.locator(".hd-history", { hasText: c.notSolvedHistory }).waitFor()
    await done(page)
  })

  it("services and release notes read in my language", async () => {
    const page = await fresh()
    await page.goto(`${baseUrl()}/support/services`)
    await page.getByRole("heading", { name: c.service }).waitFor()
    await page.goto(`${baseUrl()}/releases`)
    await page.getByText(c.release, { exact: true }).first().waitFor()
    await page.context().close()
  })

  it("on my phone the home page shows every date whole, and a ticket's number opens it", async () => {
    const context = await browser.newContext({ locale: c.locale, viewport: { width: 390, height: 844 } })
    await context.addInitScript((l) => localStorage.setItem("wharf.locale", l), c.locale)
    const page = await context.newPage()
    await signedIn(page, "li.wei@example.com")
    await page.goto(`${baseUrl()}/`)
    await page.locator(".hd-widget-time").first().waitFor()
    await page.locator(".manuals-date").first().waitFor()
    const clipped = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>(".hd-widget-time, .manuals-date")].filter((el) => {
          const card = el.closest(".card")!.getBoundingClientRect()
          const box = el.getBoundingClientRect()
          return el.scrollWidth > el.clientWidth + 1 || box.right > card.right + 0.5 || box.left < card.left
        }).length
    )
    expect(clipped).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.locator(".hd-widget-meta a.hd-number").first().click()
    await page.waitForURL(/\/tickets\/\d+$/)
    await done(page)
  })

  it("a field I left empty is shown below the top bars, not under them", async () => {
    const context = await browser.newContext({ locale: c.locale, viewport: { width: 1280, height: 600 } })
    await context.addInitScript((l) => localStorage.setItem("wharf.locale", l), c.locale)
    const page = await context.newPage()
    await signedIn(page, "li.wei@example.com")
    await page.goto(`${baseUrl()}/tickets/new`)
    const send = page.locator(".hd-form button[type=submit]")
    await send.scrollIntoViewIfNeeded()
    await send.click()
    const top = await page.evaluate(() => document.activeElement!.getBoundingClientRect().top)
    const bars = await page.evaluate(
      () => document.querySelector(".sectionnav")!.getBoundingClientRect().bottom
    )
    expect(top).toBeGreaterThanOrEqual(bars)
    await done(page)
  })

  it("a search snippet keeps the placeholder I must type, like nc -vz <host>", async () => {
    const page = await fresh()
    await page.goto(`${baseUrl()}/kb?q=${encodeURIComponent("nc -vz")}`)
    await page.locator(".kb-snippet", { hasText: "nc -vz <host>" }).first().waitFor()
    await page.context().close()
  })

  it("as a customer, I find my orders above the service catalog", async () => {
    const page = await fresh()
    await signedIn(page, "li.wei@example.com")
    await page.goto(`${baseUrl()}/support/services`)
    const orders = await page.locator(".support-orders").boundingBox()
    const catalog = await page.locator(".support-services").first().boundingBox()
    expect(orders!.y).toBeLessThan(catalog!.y)
    await done(page)
  })

  it("as an agent, I read a tenant the same way everywhere, and survey comments under a plain heading", async () => {
    const page = await fresh()
    await signedIn(page, "wang.fang@example.com")
    await page.goto(`${baseUrl()}/support/tickets`)
    await page.locator("tbody .hd-tenant", { hasText: c.groupTenant }).first().waitFor()
    expect(await page.locator("tbody").textContent()).not.toMatch(/\bg-data-team|· user\b/)
    await page.locator("tbody a.hd-number").first().click()
    await page.locator(".hd-facts .hd-tenant").waitFor()
    expect(await page.locator(".hd-facts").textContent()).not.toContain("g-data-team")
    await page.goto(`${baseUrl()}/support/surveys`)
    await page.getByRole("columnheader", { name: c.comments, exact: true }).waitFor()
    await done(page)
  })

  it("as an agent, a ticket's service hours are named in my language, and so are the admin's calendars", async () => {
    const number = await ticketAwaitingConfirmation()
    const page = await fresh()
    await signedIn(page, "wang.fang@example.com")
    await page.goto(`${baseUrl()}/support/tickets/${number}`)
    await page.getByText(c.serviceHours, { exact: true }).waitFor()
    await done(page)
    const admin = await fresh()
    await signedIn(admin, "admin@wharf.test", "admin-password-1")
    await admin.goto(`${baseUrl()}/admin/helpdesk`)
    const calendar = admin.locator(".hd-calendar", { hasText: c.serviceHours })
    await calendar.getByText(c.serviceDays).waitFor()
    await done(admin)
  })

  it("as an admin, the outbox shows a mail's links as links", async () => {
    await ticketAwaitingConfirmation()
    const page = await fresh()
    await signedIn(page, "admin@wharf.test", "admin-password-1")
    await page.goto(`${baseUrl()}/admin/helpdesk`)
    await page.locator("button.link-button").first().click()
    await page.locator(".hd-mail-body a[href^='http']").first().waitFor()
    await done(page)
  })

  it("as an admin, I am told in my language why a label is refused, and the platform has its own navigation", async () => {
    const page = await fresh()
    await signedIn(page, "admin@wharf.test", "admin-password-1")
    await page
      .getByRole("navigation", { name: /控制台分区|Console sections/ })
      .getByRole("link", { name: c.platform })
      .click()
    await page.getByRole("navigation", { name: c.platform }).getByRole("link", { name: c.clusters }).click()
    await page.getByRole("link", { name: "default", exact: true }).click()
    await page.getByRole("link", { name: "sim-node-1" }).click()
    await page.getByLabel(c.labelInput, { exact: true }).fill("not a label")
    await page.getByLabel(c.labelInput, { exact: true }).press("Enter")
    await page.getByRole("alert").getByText(c.notKeyValue).waitFor()
    await done(page)
  })
})
