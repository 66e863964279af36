import { Effect, Layer } from "effect"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type OpenedDatabase, openEmbeddedDatabase } from "./db/connect"
import { Db, makeDb } from "./db/Db"
import { readMigrations, runMigrations } from "./db/migrations"
import { Mailer, makeMailer } from "./mailer"

/** A real SMTP server on a loopback port, keeping what arrives, parsed. */
const startSmtp = async (options: { refuse?: boolean } = {}) => {
  const received: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      if (options.refuse) {
        stream.resume()
        stream.on("end", () => callback(Object.assign(new Error("mailbox full"), { responseCode: 552 })))
        return
      }
      simpleParser(stream).then(
        (mail) => {
          received.push(mail)
          callback()
        },
        (e) => callback(e)
      )
    }
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const port = (server.server.address() as { port: number }).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r()))
  }
}

describe("the Mailer", () => {
  let database: OpenedDatabase
  const run = <A, E>(smtpUrl: string | undefined, effect: Effect.Effect<A, E, Mailer>) => {
    const dbLayer = Layer.succeed(Db, makeDb(database.pool, database.kind))
    const mailer = Layer.effect(Mailer, makeMailer({ smtpUrl, from: "Wharf <wharf@example.test>" }))
    return Effect.runPromise(Effect.provide(effect, Layer.provide(mailer, dbLayer)))
  }

  beforeAll(async () => {
    database = await openEmbeddedDatabase(null)
    await runMigrations(database.pool, [
      {
        plugin: "wharf",
        migrations: readMigrations(new URL("../migrations/", import.meta.url))
      }
    ])
  })
  afterAll(() => database?.close())

  it("delivers over SMTP when SMTP_URL is set, and records the delivery", async () => {
    const smtp = await startSmtp()
    try {
      await run(
        smtp.url,
        Mailer.use((m) =>
          m.send({
            to: "li.wei@example.com",
            subject: "[#10023] 集群无法启动",
            text: "王芳 replied to your ticket.",
            headers: { "X-Wharf-Ticket": "10023" }
          })
        )
      )
      expect(smtp.received).toHaveLength(1)
      const mail = smtp.received[0]!
      expect(mail.subject).toBe("[#10023] 集群无法启动")
      expect(mail.text?.trim()).toBe("王芳 replied to your ticket.")
      expect(mail.from?.text).toContain("wharf@example.test")
      expect(mail.headers.get("x-wharf-ticket")).toBe("10023")
      const { items } = await run(
        smtp.url,
        Mailer.use((m) => m.outbox({ limit: 5, offset: 0 }))
      )
      expect(items[0]).toMatchObject({ subject: "[#10023] 集群无法启动", status: "sent", error: null })
    } finally {
      await smtp.close()
    }
  })

  it("keeps the message in the outbox when no SMTP server is configured", async () => {
    await run(
      undefined,
      Mailer.use((m) => m.send({ to: ["guest@example.org"], subject: "[#10024] Link", text: "Open it" }))
    )
    const page = await run(
      undefined,
      Mailer.use((m) => m.outbox({ limit: 5, offset: 0, to: "GUEST@example.org" }))
    )
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({ to: ["guest@example.org"], status: "outbox", text: "Open it" })
  })

  it("reports a refused message as Unavailable and records why", async () => {
    const smtp = await startSmtp({ refuse: true })
    try {
      const failure = await run(
        smtp.url,
        Mailer.use((m) => m.send({ to: "full@example.org", subject: "[#10025] Hello", text: "x" })).pipe(
          Effect.flip
        )
      )
      expect(failure._tag).toBe("Unavailable")
      expect(failure.message).toContain("mailbox full")
      const page = await run(
        smtp.url,
        Mailer.use((m) => m.outbox({ limit: 5, offset: 0, to: "full@example.org" }))
      )
      expect(page.items[0]).toMatchObject({ status: "failed" })
      expect(page.items[0]?.error).toContain("mailbox full")
    } finally {
      await smtp.close()
    }
  })
})
