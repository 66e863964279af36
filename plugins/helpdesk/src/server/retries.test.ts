/**
 * Retried creates (issue 12, finding 11): a client whose answer was lost sends the same
 * request with the same Idempotency-Key (REST) or `idempotencyKey` (tRPC) and gets the first
 * answer; nothing is filed, replied or mailed twice. The same key with another request is
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
})
