/**
 * The public form is not a mail relay (issue 12, finding 7): guest filings are limited per
 * client and per address, and an address gets a second mail only once a link mailed to it
 * was opened. Over a real SMTP server, counting what it receives.
 */

import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PER_ADDRESS_PER_HOUR, PER_CLIENT_PER_HOUR } from "./guest-limits"
import { categoryId, signedIn, startHelpdesk } from "./testkit"

describe.each(testBackends())("guest filing limits over SMTP on $name", (backend) => {
  const received: ParsedMail[] = []
  let smtp: SMTPServer
  let wharf: TestWharf
  let category: string
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        simpleParser(stream).then((m) => {
          received.push(m)
          done()
        }, done)
      }
    })
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()))
    const SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`
    wharf = await startHelpdesk(backend, { env: { SMTP_URL } })
    category = await categoryId(await signedIn(wharf, "wang.fang@example.com"))
  })
  afterAll(async () => {
    await wharf?.stop()
    await new Promise<void>((r) => smtp.close(() => r()))
  })

  const mailsTo = (address: string) =>
    received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text === address))
  const guestFrom = (ip: string) => {
    const client = wharf.client()
    client.ip = ip
    return client
  }
  const file = (client: TestClient, email: string, title = "帮我看看 help") =>
    client.rest("POST", "/guest/tickets", {
      name: "访客 Guest",
      email,
      title,
      severity: "minor",
      categoryId: category,
      description: "……"
    })
  const tickets = async (email: string) =>
    Number(
      (
        await wharf.database.pool<{ n: string }[]>`
          select count(*) as n from helpdesk.tickets where lower(requester_email) = ${email}`
      )[0]!.n
    )

  it("thirty filings for one stranger's address from rotating clients mail them once", async () => {
    const victim = "victim@example.org"
    const answers = []
    for (let i = 0; i < 30; i++) answers.push(await file(guestFrom(`198.51.100.${i + 1}`), victim))
    expect(answers[0]!.status).toBe(201)
    expect(answers.slice(1).every((a) => a.status === 429)).toBe(true)
    expect(answers[1]!.body.error).toMatchObject({
      code: "RateLimited",
      reason: "helpdesk.confirmGuestAddress"
    })
    expect(answers[1]!.body.error.message).toContain("open it to confirm the address")
    expect(mailsTo(victim)).toHaveLength(1)
    expect(await tickets(victim)).toBe(1)
  })

  it("once the link is opened the address is confirmed, and gets a few tickets an hour", async () => {
    const owner = "owner@example.org"
    const guest = guestFrom("192.0.2.10")
    expect((await file(guest, owner)).status).toBe(201)
    expect((await file(guest, owner)).status).toBe(429)
    const link = mailsTo(owner)[0]!.text!.match(/\/guest\/tickets\/(\d+)\?token=([\w-]+)/)!
    expect((await guest.rest("GET", `/guest/tickets/${link[1]}?token=${link[2]}`)).status).toBe(200)
    for (let i = 1; i < PER_ADDRESS_PER_HOUR; i++) expect((await file(guest, owner)).status).toBe(201)
    const over = await file(guest, owner)
    expect(over.status).toBe(429)
    expect(over.body.error.reason).toBe("helpdesk.tooManyGuestTicketsForAddress")
    expect(mailsTo(owner)).toHaveLength(PER_ADDRESS_PER_HOUR)
    // A forged link confirms nothing.
    const stranger = "stranger@example.org"
    expect((await file(guest, stranger)).status).toBe(201)
    const number = mailsTo(stranger)[0]!.text!.match(/\/guest\/tickets\/(\d+)/)![1]
    expect((await guest.rest("GET", `/guest/tickets/${number}?token=${"A".repeat(43)}`)).status).toBe(404)
    expect((await file(guest, stranger)).status).toBe(429)
  })

  it("one client files a few tickets an hour, however many addresses it names", async () => {
    const client = guestFrom("203.0.113.20")
    const statuses = []
    for (let i = 0; i < PER_CLIENT_PER_HOUR + 3; i++)
      statuses.push((await file(client, `someone${i}@example.org`)).status)
    expect(statuses).toEqual([...Array(PER_CLIENT_PER_HOUR).fill(201), ...Array(3).fill(429)])
    const over = await file(client, "one.more@example.org")
    expect(over.body.error.reason).toBe("helpdesk.tooManyGuestTickets")
    expect(Number(over.body.error.retryAfterSeconds)).toBeGreaterThan(0)
    // Another client is not held back by this one.
    expect((await file(guestFrom("203.0.113.21"), "one.more@example.org")).status).toBe(201)
  })

  it("one batched tRPC request counts each of its filings", async () => {
    const n = 20
    const input = (i: number) => ({
      name: "Batch",
      email: `batch${i}@example.org`,
      title: "batch",
      severity: "minor",
      categoryId: category,
      description: "x"
    })
    const body = Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), input(i)]))
    const paths = Array.from({ length: n }, () => "helpdesk.guest.create").join(",")
    const res = await guestFrom("203.0.113.30").request("POST", `/trpc/${paths}?batch=1`, body)
    const items = (await res.json()) as Array<{ result?: unknown; error?: { data: { code: string } } }>
    expect(items.filter((i) => i.result).length).toBe(PER_CLIENT_PER_HOUR)
    expect(items.filter((i) => i.error?.data.code === "TOO_MANY_REQUESTS").length).toBe(
      n - PER_CLIENT_PER_HOUR
    )
    const batchMails = received.filter((m) => m.subject?.endsWith("batch"))
    expect(batchMails).toHaveLength(PER_CLIENT_PER_HOUR)
  })
})
