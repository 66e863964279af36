import { createHash } from "node:crypto"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { Uploads } from "@wharf/core"
import { testBackends } from "@wharf/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestWharf, type TestWharf } from "../testing"
import { uploadFixturePlugin } from "./fixture"

const b64 = (s: string) => Buffer.from(s).toString("base64")
const metadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(",")

describe.each(testBackends())("the tus endpoint's rules on $name", (backend) => {
  let wharf: TestWharf
  let li: string
  let chen: string
  const uploadsDir = () => join(wharf.dataDir, "uploads")
  const storedFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : [])
  const rowCount = async () =>
    Number((await wharf.database.pool`select count(*) as n from wharf.uploads`)[0]!.n)

  const tus = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    wharf.app.request(path, {
      method,
      headers: { "tus-resumable": "1.0.0", ...headers },
      ...(body === undefined ? {} : { body })
    })
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  const create = async (token: string | null, length: number, meta: Record<string, string>, extra = {}) =>
    tus("POST", "/uploads", {
      ...(token ? as(token) : {}),
      "upload-length": String(length),
      "upload-metadata": metadata({ filetype: "text/plain", ...meta }),
      ...extra
    })
  const patch = (token: string, location: string, offset: number, body: string, extra = {}) =>
    tus(
      "PATCH",
      location,
      {
        ...as(token),
        "upload-offset": String(offset),
        "content-type": "application/offset+octet-stream",
        ...extra
      },
      body
    )

  beforeAll(async () => {
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "upload-fixture"],
      available: [uploadFixturePlugin],
      demo: true
    })
    const tokenOf = async (email: string) => {
      const c = wharf.client()
      await c.signIn(email, "wharf-demo-1")
      const t = await c.trpc.identity.tokens.create.mutate({ name: "uploads" })
      if (!t.ok) throw new Error(t.error.message)
      return t.data.token as string
    }
    li = await tokenOf("li.wei@example.com")
    chen = await tokenOf("chen.jie@example.com")
  })
  afterAll(() => wharf?.stop())

  it("speaks tus 1.0.0 with creation, termination, expiration and checksum", async () => {
    const res = await wharf.app.request("/uploads", { method: "OPTIONS" })
    expect(res.status).toBe(204)
    expect(res.headers.get("tus-version")).toBe("1.0.0")
    const ext = res.headers.get("tus-extension")!.split(",")
    expect(ext).toEqual(
      expect.arrayContaining(["creation", "creation-with-upload", "termination", "expiration", "checksum"])
    )
    expect(res.headers.get("tus-checksum-algorithm")).toContain("sha1")
    expect(res.headers.get("tus-max-size")).toBe(String(2 * 1024 ** 3))
  })

  it("refuses an over-limit Upload-Length at creation with 413 and stores nothing", async () => {
    const before = { files: storedFiles().length, rows: await rowCount() }
    const small = await create(li, 4096, { purpose: "note", filename: "big.txt", filetype: "text/plain" })
    expect(small.status).toBe(413)
    expect(await small.text()).toContain("at most 1 MiB")
    const huge = await create(li, 2 * 1024 ** 3 + 1, { purpose: "diagnostics", filename: "dump.tar" })
    expect(huge.status).toBe(413)
    expect({ files: storedFiles().length, rows: await rowCount() }).toEqual(before)
  })

  it("refuses an unknown purpose, a missing filename and a type the purpose does not accept", async () => {
    const unknown = await create(li, 10, { purpose: "nope", filename: "a.txt" })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('purpose "nope" is unknown')
    expect((await create(li, 10, { purpose: "note" })).status).toBe(400)
    const pdf = await create(li, 10, { purpose: "note", filename: "a.pdf", filetype: "application/pdf" })
    expect(pdf.status).toBe(415)
  })

  it("lets only a signed-in user or a vouched-for guest create uploads", async () => {
    const before = await rowCount()
    expect((await create(null, 10, { purpose: "note", filename: "a.txt" })).status).toBe(401)
    const badGuest = await create(
      null,
      10,
      { purpose: "guest-drop", filename: "a.txt" },
      { "x-wharf-guest": "forged" }
    )
    expect(badGuest.status).toBe(401)
    // A guest credential for a purpose that does not take guests is no credential.
    const wrong = await create(
      null,
      10,
      { purpose: "note", filename: "a.txt" },
      { "x-wharf-guest": "guest-pass-7" }
    )
    expect(wrong.status).toBe(401)
    expect(await rowCount()).toBe(before)
    const guest = await create(
      null,
      5,
      { purpose: "guest-drop", filename: "日志.txt" },
      { "x-wharf-guest": "guest-pass-7" }
    )
    expect(guest.status).toBe(201)
    const location = guest.headers.get("location")!
    const [row] = await wharf.database
      .pool`select owner, filename from wharf.uploads where id = ${location.split("/").pop()!}`
    expect(row).toEqual({ owner: "guest:guest-drop:7", filename: "日志.txt" })
    // Another guest credential, or a signed-in user, cannot see it.
    expect((await tus("HEAD", location, { "x-wharf-guest": "guest-pass-8" })).status).toBe(404)
    expect((await tus("HEAD", location, as(li))).status).toBe(404)
    expect(
      (await tus("HEAD", location, { "x-wharf-guest": "guest-pass-7" })).headers.get("upload-offset")
    ).toBe("0")
    // Someone signed in who acts through a guest's link uploads as that guest.
    const through = await create(
      li,
      5,
      { purpose: "guest-drop", filename: "b.txt" },
      { "x-wharf-guest": "guest-pass-7" }
    )
    const throughId = through.headers.get("location")!.split("/").pop()!
    const [owner] = await wharf.database.pool`select owner from wharf.uploads where id = ${throughId}`
    expect(owner!.owner).toBe("guest:guest-drop:7")
  })

  it("lets only the creator resume, read the offset of or delete an upload; others get 404", async () => {
    const created = await create(li, 10, { purpose: "note", filename: "mine.txt", filetype: "text/plain" })
    expect(created.status).toBe(201)
    const location = created.headers.get("location")!
    expect((await patch(li, location, 0, "hello")).status).toBe(204)
    for (const res of [
      await tus("HEAD", location, as(chen)),
      await patch(chen, location, 5, "EVIL!"),
      await tus("DELETE", location, as(chen)),
      await tus("HEAD", location)
    ]) {
      expect(res.status).toBe(404)
    }
    const head = await tus("HEAD", location, as(li))
    expect(head.status).toBe(200)
    expect(head.headers.get("upload-offset")).toBe("5")
    expect(statSync(join(uploadsDir(), location.split("/").pop()!)).size).toBe(5)
    // The creator may delete it: bytes and store record go.
    expect((await tus("DELETE", location, as(li))).status).toBe(204)
    expect(existsSync(join(uploadsDir(), location.split("/").pop()!))).toBe(false)
  })

  it("refuses a PATCH at the wrong offset with 409 and keeps the bytes as they were", async () => {
    const location = (await create(li, 10, { purpose: "note", filename: "o.txt" })).headers.get("location")!
    expect((await patch(li, location, 0, "abcde")).status).toBe(204)
    expect((await patch(li, location, 3, "XYZ")).status).toBe(409)
    expect((await patch(li, location, 7, "XYZ")).status).toBe(409)
    expect((await tus("HEAD", location, as(li))).headers.get("upload-offset")).toBe("5")
  })

  it("takes the first bytes with the creation request (creation-with-upload)", async () => {
    const res = await tus(
      "POST",
      "/uploads",
      {
        ...as(li),
        "upload-length": "10",
        "upload-metadata": metadata({ purpose: "note", filename: "w.txt", filetype: "text/plain" }),
        "content-type": "application/offset+octet-stream"
      },
      "hello"
    )
    expect(res.status).toBe(201)
    expect(res.headers.get("upload-offset")).toBe("5")
    const location = res.headers.get("location")!
    expect((await patch(li, location, 5, "world")).status).toBe(204)
    const [row] = await wharf.database
      .pool`select sha256 from wharf.uploads where id = ${location.split("/").pop()!}`
    expect(row!.sha256).toBe(createHash("sha256").update("helloworld").digest("hex"))
  })

  it("refuses a body longer than the declared length with 413 and keeps nothing of it", async () => {
    const location = (await create(li, 5, { purpose: "note", filename: "l.txt" })).headers.get("location")!
    expect((await patch(li, location, 0, "0123456789")).status).toBe(413)
    expect((await tus("HEAD", location, as(li))).headers.get("upload-offset")).toBe("0")
    expect((await patch(li, location, 0, "01234")).status).toBe(204)
  })

  it("verifies Upload-Checksum: a wrong sha1 is 460 and the chunk is discarded", async () => {
    const location = (await create(li, 10, { purpose: "note", filename: "c.txt" })).headers.get("location")!
    const sha1 = (s: string) => `sha1 ${createHash("sha1").update(s).digest("base64")}`
    const bad = await patch(li, location, 0, "hello", { "upload-checksum": sha1("HELLO") })
    expect(bad.status).toBe(460)
    expect((await tus("HEAD", location, as(li))).headers.get("upload-offset")).toBe("0")
    expect((await patch(li, location, 0, "hello", { "upload-checksum": "crc32 AAAA" })).status).toBe(400)
    expect((await patch(li, location, 0, "hello", { "upload-checksum": sha1("hello") })).status).toBe(204)
    const done = await patch(li, location, 5, "world", { "upload-checksum": sha1("world") })
    expect(done.status).toBe(204)
    const id = location.split("/").pop()!
    const [row] = await wharf.database.pool`select sha256, finished_at from wharf.uploads where id = ${id}`
    expect(row!.sha256).toBe(createHash("sha256").update("helloworld").digest("hex"))
    expect(row!.finished_at).toBeInstanceOf(Date)
  })

  it("refuses to continue an expired upload (410), and the expiry job deletes it and its bytes", async () => {
    const location = (await create(li, 10, { purpose: "note", filename: "late.txt" })).headers.get(
      "location"
    )!
    const id = location.split("/").pop()!
    expect((await patch(li, location, 0, "12345")).status).toBe(204)
    await wharf.database
      .pool`update wharf.uploads set expires_at = now() - interval '1 minute' where id = ${id}`
    expect((await patch(li, location, 5, "67890")).status).toBe(410)
    expect((await tus("HEAD", location, as(li))).status).toBe(410)
    const removed = await wharf.runtime.runPromise(Uploads.use((u) => u.expire))
    expect(removed).toBeGreaterThanOrEqual(1)
    expect(existsSync(join(uploadsDir(), id))).toBe(false)
    expect(existsSync(join(uploadsDir(), `${id}.json`))).toBe(false)
    expect((await wharf.database.pool`select 1 from wharf.uploads where id = ${id}`).length).toBe(0)
    expect((await tus("HEAD", location, as(li))).status).toBe(404)
  })

  it("does not serve bytes through the tus endpoint", async () => {
    const location = (await create(li, 3, { purpose: "note", filename: "x.txt" })).headers.get("location")!
    await patch(li, location, 0, "abc")
    expect((await wharf.app.request(location, { headers: as(li) })).status).toBe(404)
  })

  it("a browser session needs its CSRF token to upload", async () => {
    const c = wharf.client()
    await c.signIn("li.wei@example.com", "wharf-demo-1")
    const headers = {
      "upload-length": "3",
      "upload-metadata": metadata({ purpose: "note", filename: "s.txt", filetype: "text/plain" })
    }
    expect(
      (await c.request("POST", "/uploads", undefined, { "tus-resumable": "1.0.0", ...headers })).status
    ).toBe(201)
    c.dropCsrf()
    expect(
      (await c.request("POST", "/uploads", undefined, { "tus-resumable": "1.0.0", ...headers })).status
    ).toBe(403)
  })

  it("claims only finished uploads of the owner, for their purpose, once", async () => {
    const location = (await create(li, 2, { purpose: "note", filename: "k.txt" })).headers.get("location")!
    const id = location.split("/").pop()!
    const owner =
      "user:" +
      (await wharf.database.pool`select id from identity.users where email = 'li.wei@example.com'`)[0]!.id
    const claim = (ids: string[], who = owner, purpose = "note") =>
      wharf.runtime.runPromise(
        Effect.flip(
          Uploads.use((u) => u.claim({ ids, owner: who, purpose, claimedBy: () => "test:1", field: "files" }))
        )
      )
    expect((await claim([id])).message).toContain(`files.0: upload ${id} has not finished uploading`)
    await patch(li, location, 0, "ok")
    expect((await claim([id], "user:someone-else")).message).toContain("is not one of your uploads")
    expect((await claim([id], owner, "diagnostics")).message).toContain('was uploaded for "note"')
    const claimed = await wharf.runtime.runPromise(
      Uploads.use((u) => u.claim({ ids: [id], owner, purpose: "note", claimedBy: () => "test:1" }))
    )
    expect(claimed[0]).toMatchObject({ id, filename: "k.txt", size: 2, claimedBy: "test:1" })
    expect((await claim([id])).message).toContain("is already attached elsewhere")
    // A claimed upload never expires, and its creator cannot delete it out from under its holder.
    await wharf.database
      .pool`update wharf.uploads set expires_at = now() - interval '1 minute' where id = ${id}`
    await wharf.runtime.runPromise(Uploads.use((u) => u.expire))
    expect((await tus("DELETE", location, as(li))).status).toBe(409)
    expect(existsSync(join(uploadsDir(), id))).toBe(true)
  })
})
