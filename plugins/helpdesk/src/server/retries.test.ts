/**
 * Retried creates (issue 12, finding 11): a client whose answer was lost sends the same
 * request with the same Idempotency-Key (REST) or `idempotencyKey` (tRPC) and gets the first
 * answer; nothing is filed, replied, rated or mailed twice. The same key with another request is
 * refused in words.
 */
import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { categoryId, outbox, signedIn, startHelpdesk } from "./testkit"

const GUEST = "retrying.guest@example.org"

describe.each(testBackends())("retried creates on $name", (backend) => {
  let wharf: TestWharf
  let customer: TestClient
  let category: string
  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    customer = await signedIn(wharf, "zhang.min@example.com")
    category = await categoryId(customer)
  })
  afterAll(() => wharf?.stop())

  const post = async (client: TestClient, path: string, body: unknown, key?: string) => {
    const res = await client.request(
      "POST",
      `/api/v1${path}`,
      JSON.stringify(body),
      key === undefined ? {} : { "idempotency-key": key }
    )
    return { status: res.status, body: (await res.json()) as any }
  }
  const count = async (title: string) =>
    Number(
      (
        await wharf.database.pool<
          { n: string }[]
        >`select count(*) as n from helpdesk.tickets where title = ${title}`
      )[0]!.n
    )
  const messages = async (number: number, body: string) =>
    Number(
      (
        await wharf.database.pool<{ n: string }[]>`
          select count(*) as n from helpdesk.messages m join helpdesk.tickets t on t.id = m.ticket_id
          where t.number = ${number} and m.body = ${body}`
      )[0]!.n
    )
  const ticket = (title: string) => ({
    title,
    severity: "minor" as const,
    categoryId: category,
    description: "重试"
  })

  it("a ticket filed again with the same Idempotency-Key answers with the first ticket, filed and mailed once", async () => {
    const body = ticket("重试的工单 retried ticket")
    const first = await post(customer, "/tickets", body, "ticket-key-1")
    expect(first.status).toBe(201)
    const again = await post(customer, "/tickets", body, "ticket-key-1")
    expect(again.status).toBe(201)
    expect(again.body.number).toBe(first.body.number)
    expect(again.body.title).toBe("重试的工单 retried ticket")
    expect(await count("重试的工单 retried ticket")).toBe(1)
    const mails = await outbox(wharf, "zhang.min@example.com")
    expect(mails.filter((m) => m.subject.includes("重试的工单 retried ticket"))).toHaveLength(1)
    // Without a key, the same request is a new ticket, as before.
    expect((await post(customer, "/tickets", body)).body.number).not.toBe(first.body.number)
    expect(await count("重试的工单 retried ticket")).toBe(2)
  })

  it("the same key with another request is refused in words and files nothing", async () => {
    await post(customer, "/tickets", ticket("第一个请求 first request"), "ticket-key-2")
    const other = await post(customer, "/tickets", ticket("另一个请求 another request"), "ticket-key-2")
    expect(other.status).toBe(409)
    expect(other.body.error).toMatchObject({ code: "Conflict", reason: "core.idempotencyKeyReused" })
    expect(other.body.error.message).toContain("Idempotency-Key was already used for a different request")
    expect(await count("另一个请求 another request")).toBe(0)
    // Another user's key of the same name is theirs: keys are per user.
    const li = await signedIn(wharf, "li.wei@example.com")
    const theirs = await post(li, "/tickets", ticket("另一个请求 another request"), "ticket-key-2")
    expect(theirs.status).toBe(201)
    const tooLong = await post(customer, "/tickets", ticket("键太长 key too long"), "k".repeat(201))
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.reason).toBe("core.idempotencyKeyForm")
  })

  it("retries racing with one key over tRPC file one ticket and all get it", async () => {
    const input = { ...ticket("并发重试 racing retries"), idempotencyKey: "racing-1" }
    const results = await Promise.all(
      Array.from({ length: 6 }, () => customer.trpc.helpdesk.tickets.create.mutate(input))
    )
    const numbers = results.map((r) => (r.ok ? r.data.number : r.error.message))
    expect(new Set(numbers).size).toBe(1)
    expect(typeof numbers[0]).toBe("number")
    expect(await count("并发重试 racing retries")).toBe(1)
  })

  it("a reply sent again with the same key is in the thread once", async () => {
    const { number } = (await post(customer, "/tickets", ticket("回复重试 reply retried"))).body
    const first = await post(customer, `/tickets/${number}/replies`, { body: "补充日志" }, "reply-1")
    const again = await post(customer, `/tickets/${number}/replies`, { body: "补充日志" }, "reply-1")
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.body.number).toBe(number)
    expect(await messages(number, "补充日志")).toBe(1)
    const viaTrpc = { number, body: "再补充", idempotencyKey: "reply-2" }
    expect((await customer.trpc.helpdesk.tickets.reply.mutate(viaTrpc)).ok).toBe(true)
    expect((await customer.trpc.helpdesk.tickets.reply.mutate(viaTrpc)).ok).toBe(true)
    expect(await messages(number, "再补充")).toBe(1)
    const changed = await customer.trpc.helpdesk.tickets.reply.mutate({ ...viaTrpc, body: "不同的内容" })
    expect(changed.ok).toBe(false)
    if (!changed.ok) expect(changed.error.httpStatus).toBe(409)
  })

  it("a guest's ticket and reply sent again with the same key are filed and mailed once", async () => {
    const guest = wharf.client()
    const form = {
      name: "访客 Guest",
      email: GUEST,
      title: "访客重试 guest retried",
      severity: "minor",
      categoryId: category,
      description: "提交后网络断开"
    }
    const first = await post(guest, "/guest/tickets", form, "guest-1")
    const again = await post(guest, "/guest/tickets", form, "guest-1")
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.body).toEqual(first.body)
    expect(await count("访客重试 guest retried")).toBe(1)
    const mails = await outbox(wharf, GUEST)
    expect(mails).toHaveLength(1)
    const token = mails[0]!.text_body.match(/token=([\w-]+)/)![1]!
    const number = first.body.number as number
    const reply = { token, body: "访客补充" }
    expect((await post(guest, `/guest/tickets/${number}/replies`, reply, "guest-reply-1")).status).toBe(201)
    expect((await post(guest, `/guest/tickets/${number}/replies`, reply, "guest-reply-1")).status).toBe(201)
    expect(await messages(number, "访客补充")).toBe(1)
    // A key is no use without the link: a forged token is refused before the key is read.
    const forged = await post(
      guest,
      `/guest/tickets/${number}/replies`,
      { ...reply, token: "x" },
      "guest-reply-1"
    )
    expect(forged.status).toBe(404)
  })

  const surveys = async (number: number) =>
    wharf.database.pool<{ rating: number; comment: string }[]>`
      select s.rating, s.comment from helpdesk.surveys s join helpdesk.tickets t on t.id = s.ticket_id
      where t.number = ${number}`

  it("a rating sent again with the same key answers with the first rating, stored once", async () => {
    const { number } = (await post(customer, "/tickets", ticket("评价重试 rating retried"))).body
    expect((await post(customer, `/tickets/${number}/close`, {})).status).toBe(200)
    const rating = { rating: 4, comment: "解决得很快" }
    const first = await post(customer, `/tickets/${number}/survey`, rating, "survey-1")
    const again = await post(customer, `/tickets/${number}/survey`, rating, "survey-1")
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.body.survey).toMatchObject({ rating: 4, comment: "解决得很快" })
    expect(again.body.survey).toEqual(first.body.survey)
    expect(await surveys(number)).toEqual([{ rating: 4, comment: "解决得很快" }])
    // Other stars with the same key: core's refusal, and the first rating stands.
    const other = await post(customer, `/tickets/${number}/survey`, { rating: 1 }, "survey-1")
    expect(other.status).toBe(409)
    expect(other.body.error).toMatchObject({ code: "Conflict", reason: "core.idempotencyKeyReused" })
    expect(await surveys(number)).toEqual([{ rating: 4, comment: "解决得很快" }])
    // A new key is a new rating, and a ticket is rated once.
    const newKey = await post(customer, `/tickets/${number}/survey`, rating, "survey-2")
    expect(newKey.status).toBe(409)
    expect(newKey.body.error.message).toMatch(/already been rated/)
  })

  it("the console's rating, retried or racing with one key, is stored once and all get it", async () => {
    const { number } = (await post(customer, "/tickets", ticket("评价并发 rating racing"))).body
    await post(customer, `/tickets/${number}/close`, {})
    const input = { number, rating: 5, idempotencyKey: "survey-racing" }
    const results = await Promise.all(
      Array.from({ length: 4 }, () => customer.trpc.helpdesk.tickets.survey.mutate(input))
    )
    expect(results.map((r) => (r.ok ? r.data.survey?.rating : r.error.message))).toEqual([5, 5, 5, 5])
    expect(await surveys(number)).toHaveLength(1)
    const changed = await customer.trpc.helpdesk.tickets.survey.mutate({ ...input, rating: 2 })
    expect(!changed.ok && changed.error.httpStatus).toBe(409)
  })

  it("a guest's rating sent again with the same key is stored once", async () => {
    const guest = wharf.client()
    const email = "rating.guest@example.org"
    const form = {
      name: "访客 Guest",
      email,
      title: "访客评价 guest rating",
      severity: "minor",
      categoryId: category,
      description: "请关闭"
    }
    const { number } = (await post(guest, "/guest/tickets", form)).body
    const token = (await outbox(wharf, email))[0]!.text_body.match(/token=([\w-]+)/)![1]!
    const link = { number, token }
    expect((await guest.trpc.helpdesk.guest.close.mutate(link)).ok).toBe(true)
    const rating = { ...link, rating: 3, comment: "还行", idempotencyKey: "guest-survey-1" }
    const first = await guest.trpc.helpdesk.guest.survey.mutate(rating)
    const again = await guest.trpc.helpdesk.guest.survey.mutate(rating)
    expect(first.ok && again.ok && again.data.survey).toEqual(first.ok && first.data.survey)
    expect(await surveys(number)).toEqual([{ rating: 3, comment: "还行" }])
    const other = await guest.trpc.helpdesk.guest.survey.mutate({ ...rating, rating: 1 })
    expect(!other.ok && other.error.httpStatus).toBe(409)
    expect(!other.ok && other.error.message).toContain("Idempotency-Key was already used")
  })
})
