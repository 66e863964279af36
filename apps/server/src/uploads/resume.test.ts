import { type ChildProcess, spawn } from "node:child_process"
import { createHash, randomBytes } from "node:crypto"
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { testBackends } from "@wharf/core/testing"
import { Upload } from "tus-js-client"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestWharf, type TestWharf } from "../testing"
import { uploadFixturePlugin } from "./fixture"

const SIZE = 100 * 1024 ** 2
const CUT_AT = 30 * 1024 ** 2

/** A file of random bytes and its sha256, written 1 MiB at a time. */
const makeSource = (path: string, size: number) => {
  const hash = createHash("sha256")
  const fd = openSync(path, "w")
  for (let left = size; left > 0; left -= 1024 ** 2) {
    const chunk = randomBytes(Math.min(left, 1024 ** 2))
    hash.update(chunk)
    writeSync(fd, chunk)
  }
  closeSync(fd)
  return hash.digest("hex")
}

interface Transfer {
  readonly upload: Upload
  readonly done: Promise<void>
  /** Resolves once `bytes` have been sent. */
  readonly reached: (bytes: number) => Promise<void>
  /** The offset this transfer's first PATCH started at: what the server already had. */
  readonly startedAt: () => number | undefined
}

const transfer = (
  file: string,
  options: { endpoint: string; token: string; uploadUrl?: string }
): Transfer => {
  const waiters: { bytes: number; resolve: () => void }[] = []
  let first: number | undefined
  let finish!: () => void
  let fail!: (e: unknown) => void
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  const upload = new Upload(createReadStream(file), {
    endpoint: options.endpoint,
    ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
    headers: { authorization: `Bearer ${options.token}` },
    metadata: { filename: "diagnostics-诊断包.tar", filetype: "application/x-tar", purpose: "diagnostics" },
    retryDelays: [0, 200, 500, 1000],
    onBeforeRequest: (req) => {
      if (req.getMethod() === "PATCH") first ??= Number(req.getHeader("Upload-Offset"))
    },
    onProgress: (sent) => {
      for (const w of waiters.filter((w) => sent >= w.bytes)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
    },
    onSuccess: () => finish(),
    onError: (e) => fail(e)
  })
  upload.start()
  return {
    upload,
    done,
    reached: (bytes) => new Promise((resolve) => waiters.push({ bytes, resolve })),
    startedAt: () => first
  }
}

const idOf = (url: string | null) => url!.split("/").pop()!

describe.each(testBackends())("a 100 MB upload interrupted and resumed on $name", (backend) => {
  let wharf: TestWharf
  let token: string
  let dir: string
  let source: string
  let sha256: string
  let endpoint: string
  let close: () => void
  const children = new Set<ChildProcess>()

  const finished = async (id: string) =>
    (
      await wharf.database.pool<{ sha256: string | null; size: string }[]>`
      select sha256, size from wharf.uploads where id = ${id}`
    )[0]
  const storedSha = async (id: string) => {
    const hash = createHash("sha256")
    for await (const chunk of createReadStream(join(wharf.dataDir, "uploads", id))) hash.update(chunk)
    return hash.digest("hex")
  }

  /** A second Wharf in a child process, on this suite's database and data directory. */
  const startReplica = () =>
    new Promise<{ child: ChildProcess; endpoint: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", fileURLToPath(new URL("./replica.ts", import.meta.url))],
        {
          cwd: fileURLToPath(new URL("../..", import.meta.url)),
          env: {
            ...process.env,
            DATABASE_URL: wharf.databaseUrl,
            WHARF_DATA_DIR: wharf.dataDir,
            WHARF_PLUGINS: "identity,upload-fixture",
            WHARF_DEMO: "0",
            WHARF_LOG: "silent",
            ...(backend.name === "pglite" ? { WHARF_DB_POOL_SIZE: "1" } : {})
          },
          stdio: ["ignore", "pipe", "inherit"]
        }
      )
      children.add(child)
      const timer = setTimeout(() => reject(new Error("the replica did not start in 60 s")), 60_000)
      child.stdout!.on("data", (data: Buffer) => {
        const m = /listening (\d+)/.exec(data.toString())
        if (m) {
          clearTimeout(timer)
          resolve({ child, endpoint: `http://127.0.0.1:${m[1]}/uploads` })
        }
      })
      child.on("exit", (code) => {
        clearTimeout(timer)
        children.delete(child)
        reject(new Error(`the replica exited with ${code}`))
      })
    })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "wharf-resume-"))
    source = join(dir, "source.bin")
    sha256 = makeSource(source, SIZE)
    wharf = await startTestWharf({
      backend,
      plugins: ["identity", "upload-fixture"],
      available: [uploadFixturePlugin],
      demo: true
    })
    const c = wharf.client()
    await c.signIn("li.wei@example.com", "wharf-demo-1")
    const t = await c.trpc.identity.tokens.create.mutate({ name: "uploads" })
    if (!t.ok) throw new Error(t.error.message)
    token = t.data.token
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: wharf.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
        endpoint = `http://127.0.0.1:${info.port}/uploads`
        resolve()
      })
      close = () => server.close()
    })
  })
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL")
    close?.()
    await wharf?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it("resumes after the client aborts mid-way, and the sha256 matches the source", {
    timeout: 120_000
  }, async () => {
    const first = transfer(source, { endpoint, token })
    await first.reached(CUT_AT)
    await first.upload.abort()
    const id = idOf(first.upload.url)
    expect((await finished(id))?.sha256).toBeNull()

    const second = transfer(source, { endpoint, token, uploadUrl: first.upload.url! })
    await second.done
    // It went on from where the first stopped, not from zero.
    expect(second.startedAt()).toBeGreaterThanOrEqual(CUT_AT / 2)
    expect(await finished(id)).toEqual({ sha256, size: String(SIZE) })
    expect(await storedSha(id)).toBe(sha256)
  })

  it("resumes after the server is killed (SIGKILL) mid-upload and restarted", {
    timeout: 180_000
  }, async () => {
    const one = await startReplica()
    const first = transfer(source, { endpoint: one.endpoint, token })
    await first.reached(CUT_AT)
    one.child.kill("SIGKILL")
    await first.upload.abort().catch(() => {})
    const id = idOf(first.upload.url)
    expect((await finished(id))?.sha256).toBeNull()

    const two = await startReplica()
    const second = transfer(source, { endpoint: two.endpoint, token, uploadUrl: `${two.endpoint}/${id}` })
    await second.done
    expect(second.startedAt()).toBeGreaterThanOrEqual(CUT_AT / 2)
    // The restarted server had no running hash: it hashed the finished file from disk.
    expect(await finished(id)).toEqual({ sha256, size: String(SIZE) })
    expect(await storedSha(id)).toBe(sha256)
    two.child.kill("SIGKILL")
  })
})
