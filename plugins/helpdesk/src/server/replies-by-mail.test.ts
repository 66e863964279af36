import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { REPLY_ABOVE } from "./notify"
import { replyText } from "./replies-by-mail"
import { categoryId, newTicket, signedIn, startHelpdesk } from "./testkit"

describe("the text of a reply", () => {
  it("is what was written above the quoted mail, without the signature", () => {
    const gmail = "Logs attached.\nThanks\n\nOn Tue, Dec 1, 2026 at 9:00 AM Wharf <support@x> wrote:\n> old"
    expect(replyText(gmail)).toBe("Logs attached.\nThanks")
    expect(replyText(`已解决，谢谢。\n\n在 2026年12月1日 09:00，Wharf 写道：\n> ${REPLY_ABOVE}`)).toBe(
      "已解决，谢谢。"
    )
    expect(replyText(`Still failing.\n-- \nLi Wei\nData team\n\n${REPLY_ABOVE}\nHello`)).toBe(
      "Still failing."
    )
    expect(replyText("-----Original Message-----\nFrom: support")).toBe("")
  })

  it("keeps the person's own lines: wrapped attributions, pasted quotes, replies between quotes", () => {
    const wrapped =
      "Fixed.\n\nOn Tue, Dec 1, 2026 at 9:00 AM Wharf Support <\nsupport@wharf.test> wrote:\n> old"
    expect(replyText(wrapped)).toBe("Fixed.")
    expect(replyText("Bitte prüfen.\n\nAm 01.12.2026 um 09:00 schrieb Wharf:\n> alt")).toBe("Bitte prüfen.")
    const pasted = "The shell said:\n> ERROR: disk full\nafter the upgrade. What now?"
    expect(replyText(pasted)).toBe(pasted)
    const inline = "> Which version?\n6.2.1\n> Which host?\nnode-3"
    expect(replyText(inline)).toBe(inline)
    const outlook =
      "Works now.\n\n发件人: Wharf <support@wharf.test>\n发送时间: 2026年12月1日\n主题: [#10023]"
    expect(replyText(outlook)).toBe("Works now.")
    expect(replyText("Done.\n--\nZhang Min")).toBe("Done.")
  })
})

interface Mail {
  subject: string
  headers: Record<string, string> | null
}

describe.each(testBackends())("replies by mail on $name (HD-13)", (backend) => {
  let wharf: TestWharf
  let zhang: TestClient
  let agent: TestClient
  let smtp: Transporter

  /** The Reply-To of the newest notification to `to`. */
  const replyAddress = async (to: string) => {
    const [mail] = await wharf.database.pool<Mail[]>`
      select subject, headers from wharf.mail_outbox where ${to} = any(to_addresses) order by id desc limit 1`
    expect(mail?.headers?.["Reply-To"]).toMatch(/^support\+t\d+-[0-9a-f]{32}@wharf\.test$/)
    return mail!.headers!["Reply-To"]!
  }
  const send = (mail: SendMailOptions) => smtp.sendMail({ subject: "Re: ticket", ...mail })
  const thread = async (client: TestClient, number: number) =>
    (await client.rest("GET", `/tickets/${number}`)).body.thread as {
      body: string
      via: string
      author: { name: string }
      attachments: { name: string; url: string }[]
    }[]

  beforeAll(async () => {
    wharf = await startHelpdesk(backend, {
      env: { WHARF_INBOUND_SMTP_PORT: "0", WHARF_REPLY_ADDRESS: "support@wharf.test", HOST: "127.0.0.1" }
    })
    smtp = nodemailer.createTransport({
      host: "127.0.0.1",
      port: wharf.inboundSmtp!.port,
      secure: false,
      ignoreTLS: true
    })
    ;[zhang, agent] = await Promise.all([
      signedIn(wharf, "zhang.min@example.com"),
      signedIn(wharf, "wang.fang@example.com")
    ])
  })
  afterAll(async () => {
    smtp?.close()
    await wharf?.stop()
  })

  it("a user's reply to a notification lands in the thread, with its attachment, and support is told", async () => {
    const number = await newTicket(zhang, { title: "Kafka broker 反复重启" })
    expect(
      (await agent.trpc.helpdesk.support.assign.mutate({ number, assigneeId: await agentId() })).ok
    ).toBe(true)
    await agent.rest("POST", `/tickets/${number}/replies`, { body: "请上传 broker 日志。" })
    const to = await replyAddress("zhang.min@example.com")
    await send({
      from: "Zhang Min <Zhang.Min@example.com>",
      to,
      text: `日志见附件，重启前有 OOM。\n\n在 2026年12月1日，Wharf 写道：\n> ${REPLY_ABOVE}\n> 请上传 broker 日志。`,
      attachments: [{ filename: "broker-0 日志.log", content: "java.lang.OutOfMemoryError\n" }]
    })
    const last = (await thread(zhang, number)).at(-1)!
    expect(last).toMatchObject({ body: "日志见附件，重启前有 OOM。", via: "email", author: { name: "张敏" } })
    expect(last.attachments.map((a) => a.name)).toEqual(["broker-0 日志.log"])
    expect(await (await zhang.request("GET", last.attachments[0]!.url)).text()).toBe(
      "java.lang.OutOfMemoryError\n"
    )
    // The status moves as for a reply in the console, and the assignee gets the news.
    expect((await zhang.rest("GET", `/tickets/${number}`)).body.status).toBe("in_progress")
    const [told] = await wharf.database.pool<{ text_body: string }[]>`
      select text_body from wharf.mail_outbox where 'wang.fang@example.com' = any(to_addresses)
      order by id desc limit 1`
    expect(told?.text_body).toContain("日志见附件")
  })

  it("a guest answers the same way, from the address the ticket was filed with", async () => {
    const guest = wharf.client()
    const created = await guest.rest("POST", "/guest/tickets", {
      name: "访客 周",
      email: "zhou@example.org",
      title: "HUE 无法登录",
      severity: "normal",
      categoryId: await categoryId(agent),
      description: "登录后白屏"
    })
    expect(created.status).toBe(201)
    await send({
      from: "zhou@example.org",
      to: await replyAddress("zhou@example.org"),
      // An HTML-only mail: its text is read from the HTML, the quoted part cut off.
      html: "<p>补充：Chrome 和 Firefox 都一样。</p><blockquote>我们已收到您的工单</blockquote>"
    })
    const last = (await thread(agent, created.body.number)).at(-1)!
    expect(last).toMatchObject({
      body: "补充：Chrome 和 Firefox 都一样。",
      via: "email",
      author: { name: "访客 周" }
    })
  })

  it("refuses, in words, a reply from another sender, to a forged or unknown address, or with nothing in it; drops auto-replies", async () => {
    const number = await newTicket(zhang, { title: "mail refusals" })
    await agent.rest("POST", `/tickets/${number}/replies`, { body: "请确认版本。" })
    const to = await replyAddress("zhang.min@example.com")
    const before = (await thread(agent, number)).length
    const forged = to.replace(/-([0-9a-f])/, (_, c) => `-${c === "0" ? "1" : "0"}`)
    const refusals: [SendMailOptions, RegExp][] = [
      [{ from: "mallory@example.net", to, text: "hi" }, /550.*no ticket of the sender/],
      [{ from: "zhang.min@example.com", to: forged, text: "hi" }, /550.*no ticket of the sender/],
      [{ from: "zhang.min@example.com", to: "support+hello@wharf.test", text: "hi" }, /550.*No conversation/],
      [{ from: "zhang.min@example.com", to, text: `\n${REPLY_ABOVE}\n> quoted` }, /550.*reply is empty/]
    ]
    for (const [mail, why] of refusals) await expect(send(mail)).rejects.toThrow(why)
    // Not a relay: any other mailbox is refused before the mail is sent.
    await expect(
      send({ from: "zhang.min@example.com", to: "someone@example.org", text: "hi" })
    ).rejects.toThrow(/550.*Wharf takes only replies/)
    // An out-of-office answer is taken and dropped: it neither reopens the ticket nor bounces.
    const status = (await agent.rest("GET", `/tickets/${number}`)).body.status
    await send({
      from: "zhang.min@example.com",
      to,
      text: "I am out of office until Monday.",
      headers: { "Auto-Submitted": "auto-replied" }
    })
    expect((await thread(agent, number)).length).toBe(before)
    expect((await agent.rest("GET", `/tickets/${number}`)).body.status).toBe(status)
  })

  const agentId = async () => {
    const me = await agent.trpc.identity.session.me.query()
    if (!me.ok || !me.data) throw new Error("the agent is not signed in")
    return me.data.user.id
  }
})
