import { createHash } from "node:crypto"
import { readMigrations, runMigrations } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import type { TestClient, TestWharf } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { categoryId, newTicket, outbox, signedIn, startHelpdesk } from "./testkit"

const NAME = "诊断包 2026-12-01.log"
const CONTENT = `${"第一行 first line\n".repeat(200)}END`
const BYTES = Buffer.byteLength(CONTENT)

/** Upload `content` through the tus endpoint as `client` (a session: it sends its CSRF token). */
const upload = async (
  client: TestClient,
  content: string,
  options: { name?: string; guest?: string; finish?: boolean } = {}
) => {
  const meta = { filename: options.name ?? NAME, filetype: "text/plain", purpose: "ticket-attachment" }
  const tus = { "tus-resumable": "1.0.0", ...(options.guest ? { "x-wharf-guest": options.guest } : {}) }
  const created = await client.request("POST", "/uploads", undefined, {
    ...tus,
    "upload-length": String(Buffer.byteLength(content)),
    "upload-metadata": Object.entries(meta)
      .map(([k, v]) => `${k} ${Buffer.from(v).toString("base64")}`)
      .join(",")
  })
  if (created.status !== 201) throw new Error(`upload refused: ${created.status} ${await created.text()}`)
  const location = created.headers.get("location")!
  const body = options.finish === false ? content.slice(0, 10) : content
  const patched = await client.request("PATCH", location, body, {
    ...tus,
    "upload-offset": "0",
    "content-type": "application/offset+octet-stream"
  })
  if (patched.status !== 204) throw new Error(`upload failed: ${patched.status} ${await patched.text()}`)
  return location.split("/").pop()!
}

describe.each(testBackends())("ticket attachments on $name (HD-3)", (backend) => {
  let wharf: TestWharf
  let zhang: TestClient
  let anna: TestClient
  let agent: TestClient
  const ticketCount = async () =>
    Number((await wharf.database.pool`select count(*) as n from helpdesk.tickets`)[0]!.n)

  beforeAll(async () => {
    wharf = await startHelpdesk(backend)
    ;[zhang, anna, agent] = (await Promise.all(
      ["zhang.min", "anna.schmidt", "wang.fang"].map((n) => signedIn(wharf, `${n}@example.com`))
    )) as [TestClient, TestClient, TestClient]
  })
  afterAll(() => wharf?.stop())

  it("an attachment's name stored with a right-to-left override before uploads dropped it reads clean", async () => {
    const number = await newTicket(zhang, {
      attachments: [await upload(zhang, CONTENT, { name: "invoice.pdf" })]
    })
    // What an attachment stored earlier still held.
    await wharf.database.pool`
      update helpdesk.attachments a set name = ${"invoice\u202Efdp.exe"}
      from helpdesk.tickets t where t.id = a.ticket_id and t.number = ${number}`
    const cleaning = "0005_attachment_names_without_bidi.sql"
    await wharf.database.pool`delete from wharf.migrations where plugin = 'helpdesk' and name = ${cleaning}`
    const helpdesk = readMigrations(new URL("../../migrations/", import.meta.url))
    expect(await runMigrations(wharf.database.pool, [{ plugin: "helpdesk", migrations: helpdesk }])).toEqual([
      `helpdesk/${cleaning}`
    ])
    const detail = (await zhang.rest("GET", `/tickets/${number}`)).body
    expect(detail.attachments.map((a: { name: string }) => a.name)).toEqual(["invoicefdp.exe"])
  })

  it("a ticket with an attachment, end to end: uploaded, claimed, listed and downloaded", async () => {
    const id = await upload(zhang, CONTENT)
    const number = await newTicket(zhang, { attachments: [id] })
    const detail = (await zhang.rest("GET", `/tickets/${number}`)).body
    expect(detail.attachments).toEqual([
      {
        id: expect.any(String),
        name: NAME,
        size: BYTES,
        url: expect.stringMatching(`/tickets/${number}/attachments/`)
      }
    ])
    const url = detail.attachments[0].url as string
    const file = await zhang.request("GET", url)
    expect(file.status).toBe(200)
    expect(file.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(NAME)}`)
    expect(file.headers.get("content-length")).toBe(String(BYTES))
    const bytes = Buffer.from(await file.arrayBuffer())
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(
      createHash("sha256").update(CONTENT).digest("hex")
    )
    // A range, as a download manager resuming asks for it.
    const part = await zhang.request("GET", url, undefined, { range: "bytes=3-8" })
    expect(part.status).toBe(206)
    expect(part.headers.get("content-range")).toBe(`bytes 3-8/${BYTES}`)
    expect(Buffer.from(await part.arrayBuffer())).toEqual(Buffer.from(CONTENT).subarray(3, 9))
    // Support, who may read every ticket, downloads it too.
    expect((await agent.request("GET", url)).status).toBe(200)
  })

  it("a user of another tenant gets 404 for the download", async () => {
    const number = await newTicket(zhang, { attachments: [await upload(zhang, CONTENT)] })
    const url = (await zhang.rest("GET", `/tickets/${number}`)).body.attachments[0].url as string
    const res = await anna.request("GET", url)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain("第一行")
    // Neither does an attachment id from one ticket open under another the caller can read.
    const annas = await newTicket(anna)
    expect((await anna.request("GET", url.replace(`/tickets/${number}/`, `/tickets/${annas}/`))).status).toBe(
      404
    )
  })

  it("refuses someone else's, unfinished, claimed or wrong-purpose uploads with a 400 naming them, writing nothing", async () => {
    const annas = await upload(anna, CONTENT)
    const unfinished = await upload(zhang, CONTENT, { finish: false })
    const claimed = await upload(zhang, CONTENT)
    await newTicket(zhang, { attachments: [claimed] })
    const other = await upload(zhang, CONTENT)
    await wharf.database.pool`update wharf.uploads set purpose = 'app-war' where id = ${other}`
    const good = await upload(zhang, CONTENT)
    const before = await ticketCount()
    const cases: [string, string][] = [
      [annas, "is not one of your uploads"],
      [unfinished, "has not finished uploading"],
      [claimed, "is already attached elsewhere"],
      [other, 'was uploaded for "app-war"']
    ]
    for (const [id, why] of cases) {
      const r = await zhang.rest("POST", "/tickets", {
        title: "with a bad attachment",
        severity: "minor",
        categoryId: await categoryId(zhang),
        description: "x",
        attachments: [good, id]
      })
      expect(r.status).toBe(400)
      expect(r.body.error.message).toContain(`upload ${id} ${why}`)
      expect(r.body.error.issues[0].path).toBe("attachments.1")
    }
    expect(await ticketCount()).toBe(before)
    // The good upload was not consumed by the failed attempts.
    const [row] = await wharf.database.pool`select claimed_at from wharf.uploads where id = ${good}`
    expect(row!.claimed_at).toBeNull()
    // The same rule holds for replies.
    const number = await newTicket(zhang)
    const reply = await zhang.rest("POST", `/tickets/${number}/replies`, {
      body: "附件",
      attachments: [annas]
    })
    expect(reply.status).toBe(400)
    expect((await zhang.rest("GET", `/tickets/${number}`)).body.thread).toHaveLength(0)
  })

  it("a reply carries its files; an internal note's files never reach the customer", async () => {
    const number = await newTicket(zhang)
    const r = await zhang.trpc.helpdesk.tickets.reply.mutate({
      number,
      body: "日志见附件",
      attachments: [await upload(zhang, "reply log")]
    })
    expect(r.ok).toBe(true)
    const note = await agent.rest("POST", `/tickets/${number}/replies`, {
      body: "内部分析",
      internal: true,
      attachments: [await upload(agent, "SECRET heap dump", { name: "heap.hprof" })]
    })
    expect(note.status).toBe(201)
    const noteFile = note.body.thread.at(-1).attachments[0]
    expect(noteFile).toMatchObject({ name: "heap.hprof", size: 16 })
    expect((await agent.request("GET", noteFile.url)).status).toBe(200)
    const seen = (await zhang.rest("GET", `/tickets/${number}`)).body
    expect(
      seen.thread.map((m: { attachments: { name: string }[] }) => m.attachments.map((a) => a.name))
    ).toEqual([[NAME]])
    expect(JSON.stringify(seen)).not.toContain("heap.hprof")
    expect((await zhang.request("GET", noteFile.url)).status).toBe(404)
  })

  it("a guest attaches files to a reply through the emailed link, and downloads them with it", async () => {
    const guest = wharf.client()
    const email = "attach.guest@example.org"
    const created = await guest.rest("POST", "/guest/tickets", {
      name: "访客",
      email,
      title: "HDFS 报错",
      severity: "major",
      categoryId: await categoryId(agent),
      description: "见附件"
    })
    expect(created.status).toBe(201)
    const m = (await outbox(wharf, email))[0]!.text_body.match(/\/guest\/tickets\/(\d+)\?token=([\w-]+)/)!
    const [number, token] = [Number(m[1]), m[2]!]
    // Without a genuine link a guest cannot even start an upload.
    await expect(upload(guest, CONTENT, { guest: `${number}.${"x".repeat(token.length)}` })).rejects.toThrow(
      "401"
    )
    const id = await upload(guest, CONTENT, { guest: `${number}.${token}` })
    // A user's upload is not the guest's to attach.
    const zhangs = await upload(zhang, CONTENT)
    const refused = await guest.rest("POST", `/guest/tickets/${number}/replies`, {
      token,
      body: "x",
      attachments: [zhangs]
    })
    expect(refused.status).toBe(400)
    const replied = await guest.rest("POST", `/guest/tickets/${number}/replies`, {
      token,
      body: "日志已附上",
      attachments: [id]
    })
    expect(replied.status).toBe(201)
    const file = replied.body.thread.at(-1).attachments[0]
    expect(file.url).toContain(`/guest/tickets/${number}/attachments/`)
    const res = await guest.request("GET", file.url)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(CONTENT)
    const forged = file.url.replace(/token=[^&]+/, `token=${"A".repeat(token.length)}`)
    expect((await guest.request("GET", forged)).status).toBe(404)
    // Support sees the guest's file on the ticket.
    const seen = (await agent.rest("GET", `/tickets/${number}`)).body
    expect(seen.thread.at(-1).attachments[0].name).toBe(NAME)
  })

  it("a guest attaches files to the public form before the ticket exists, with the form's credential", async () => {
    const guest = wharf.client()
    const email = "form.guest@example.org"
    const credential = async () => {
      const r = await guest.rest("POST", "/guest/upload-credentials")
      expect(r.status).toBe(201)
      return r.body.uploadCredential as string
    }
    const form = await credential()
    // The console's form gets one with its options.
    const options = await guest.trpc.helpdesk.guest.options.query()
    expect(options.ok && options.data.uploadCredential).toMatch(/^form\./)
    const forged = form.replace(/.$/, form.endsWith("A") ? "B" : "A")
    await expect(upload(guest, CONTENT, { guest: forged })).rejects.toThrow("401")
    const id = await upload(guest, CONTENT, { guest: form })
    const filing = {
      name: "访客",
      email,
      title: "Kafka 丢消息",
      severity: "major",
      categoryId: await categoryId(agent),
      description: "诊断包见附件"
    }
    const before = await ticketCount()
    // Without the credential, or with another form's, the upload is not theirs: nothing is filed.
    const bare = await guest.rest("POST", "/guest/tickets", { ...filing, attachments: [id] })
    expect(bare.status).toBe(400)
    expect(bare.body.error.message).toContain("uploadCredential")
    const other = await guest.rest("POST", "/guest/tickets", {
      ...filing,
      attachments: [id],
      uploadCredential: await credential()
    })
    expect(other.status).toBe(400)
    expect(other.body.error.message).toContain(id)
    expect(await ticketCount()).toBe(before)

    const created = await guest.rest("POST", "/guest/tickets", {
      ...filing,
      attachments: [id],
      uploadCredential: form
    })
    expect(created.status).toBe(201)
    const m = (await outbox(wharf, email))[0]!.text_body.match(/\/guest\/tickets\/(\d+)\?token=([\w-]+)/)!
    const viewed = await guest.rest("GET", `/guest/tickets/${m[1]}?token=${m[2]}`)
    expect(viewed.body.attachments).toEqual([expect.objectContaining({ name: NAME, size: BYTES })])
    const file = await guest.request("GET", viewed.body.attachments[0].url)
    expect(await file.text()).toBe(CONTENT)
    // An upload is claimed once: the same id cannot be attached again.
    const again = await guest.rest("POST", "/guest/tickets", {
      ...filing,
      attachments: [id],
      uploadCredential: form
    })
    expect(again.status).toBe(400)
    expect((await agent.rest("GET", `/tickets/${created.body.number}`)).body.attachments[0].name).toBe(NAME)
  })
})
