/**
 * @module Upload benchmark: one 2 GiB file through /uploads with tus-js-client from Node,
 * over loopback, to a real Wharf server in its own process (embedded PGlite, files in its
 * data directory). Reports the upload's throughput beside `dd`'s raw write speed on the
 * same disk in the same run, and the server's peak RSS growth while it took the file.
 * Needs ~6 GiB free in the temp folder; deletes everything it wrote.
 *
 *   npx tsx tooling/bench/src/uploads.ts [GiB=2]
 */

import { execFileSync, spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { createReadStream, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Upload } from "tus-js-client"
import { signIn } from "./session"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const GiB = Number(process.argv[2] ?? 2)
const SIZE = GiB * 1024 ** 3
const MB = 1e6
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), "wharf-bench-uploads-"))
const free = statfsSync(dir)
if (free.bavail * free.bsize < 3.2 * SIZE)
  throw new Error(`need ${((3.2 * SIZE) / 1024 ** 3).toFixed(1)} GiB free in ${dir}`)

/** `dd` of the same size into the same folder: with fdatasync (the disk) and without (the page cache). */
const dd = (sync: boolean) => {
  const out = join(dir, "dd.bin")
  const started = performance.now()
  execFileSync(
    "dd",
    ["if=/dev/zero", `of=${out}`, "bs=1M", `count=${GiB * 1024}`, ...(sync ? ["conv=fdatasync"] : [])],
    {
      stdio: "ignore"
    }
  )
  const seconds = (performance.now() - started) / 1000
  rmSync(out)
  return SIZE / MB / seconds
}

// A tus server that only counts the bytes, in its own process: what tus-js-client from Node
// can send at all on this machine, the ceiling for any server.
const DISCARDING_TUS = `
const http = require("node:http")
http.createServer((req, res) => {
  if (req.method === "POST") { res.writeHead(201, { location: "/uploads/x", "tus-resumable": "1.0.0" }); return res.end() }
  let n = 0
  req.on("data", (c) => (n += c.length))
  req.on("end", () => { res.writeHead(204, { "upload-offset": String(Number(req.headers["upload-offset"]) + n), "tus-resumable": "1.0.0" }); res.end() })
}).listen(Number(process.argv[1]), "127.0.0.1", () => console.log("ready"))
`

const send = (source: string, endpoint: string, headers: Record<string, string>) =>
  new Promise<string>((resolve, reject) => {
    const upload = new Upload(createReadStream(source), {
      endpoint,
      headers,
      metadata: {
        filename: "bench-诊断包.bin",
        filetype: "application/octet-stream",
        purpose: "ticket-attachment"
      },
      retryDelays: [0, 1000],
      onSuccess: () => resolve(upload.url!),
      onError: reject
    })
    upload.start()
  })

const clientCeiling = async (source: string) => {
  const port = 19_000 + Math.floor(Math.random() * 1000)
  const sink = spawn(process.execPath, ["-e", DISCARDING_TUS, String(port)], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  await new Promise((r) => sink.stdout!.once("data", r))
  const started = performance.now()
  await send(source, `http://127.0.0.1:${port}/uploads`, {})
  const seconds = (performance.now() - started) / 1000
  sink.kill()
  return SIZE / MB / seconds
}

const status = (pid: number, field: "VmRSS" | "VmHWM") =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ")

const main = async () => {
  const loadBefore = load()
  // The source: random bytes, so nothing on the way can shortcut them.
  const source = join(dir, "source.bin")
  execFileSync("dd", ["if=/dev/urandom", `of=${source}`, "bs=4M", `count=${GiB * 256}`], { stdio: "ignore" })
  const sourceSha = createHash("sha256")
  for await (const chunk of createReadStream(source)) sourceSha.update(chunk)
  const expected = sourceSha.digest("hex")

  // Each measure starts with no dirty pages left by the one before: the kernel writes them
  // back at the disk's speed and throttles whoever writes next (seen: 2 GiB left by the
  // page-cache `dd` halved the upload that followed it).
  const settle = () => execFileSync("sync")
  settle()
  const ddSync = dd(true)
  const ddCache = dd(false)
  settle()
  const ceiling = await clientCeiling(source)
  settle()

  const dataDir = join(dir, "data")
  const port = 18_000 + Math.floor(Math.random() * 1000)
  const server = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: repo,
    env: {
      ...process.env,
      WHARF_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      WHARF_PLUGINS: "identity,helpdesk",
      WHARF_DEMO: "0",
      WHARF_ADMIN_PASSWORD: "bench-password-1",
      WHARF_LOG: "silent"
    },
    stdio: "ignore"
  })
  const base = `http://127.0.0.1:${port}`
  try {
    for (let waited = 0; ; waited += 50) {
      if (
        await fetch(`${base}/readyz`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break
      if (waited > 90_000) throw new Error("the server did not become ready in 90 s")
      await sleep(50)
    }
    const { cookie, csrfToken: csrf } = await signIn(base, {
      email: "admin@wharf.local",
      password: "bench-password-1"
    })
    // Let start-up settle, then measure growth from here; clear_refs resets the peak (VmHWM).
    await sleep(3000)
    const rssBefore = status(server.pid!, "VmRSS")
    let peakReset = true
    try {
      writeFileSync(`/proc/${server.pid}/clear_refs`, "5")
    } catch {
      peakReset = false // then only the 100 ms samples count
    }
    let sampledPeak = rssBefore
    const sampler = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, status(server.pid!, "VmRSS"))
    }, 100)

    const started = performance.now()
    const url = await send(source, `${base}/uploads`, { cookie, "x-csrf-token": csrf })
    const seconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    const peak = peakReset ? Math.max(status(server.pid!, "VmHWM"), sampledPeak) : sampledPeak

    const stored = createHash("sha256")
    for await (const chunk of createReadStream(join(dataDir, "uploads", url.split("/").pop()!)))
      stored.update(chunk)
    const match = stored.digest("hex") === expected

    const throughput = SIZE / MB / seconds
    const cpu = cpus()[0]?.model ?? "unknown CPU"
    console.log(
      `\n${GiB} GiB upload over loopback, tus-js-client 4.3.1 → @tus/server 2.4.5 + @tus/file-store`
    )
    console.log(
      `${new Date().toISOString()} · ${cpus().length} × ${cpu} · ${Math.round(totalmem() / 1024 ** 3)} GiB RAM · ${dir}`
    )
    console.log(`load average (1 / 5 / 15 min): ${loadBefore} at the start, ${load()} at the end\n`)
    console.log("| measure | value |")
    console.log("|---|---|")
    console.log(
      `| upload throughput (until the server answered the last PATCH, sha256 included) | ${throughput.toFixed(0)} MB/s (${seconds.toFixed(1)} s) |`
    )
    console.log(`| \`dd\` raw write, same folder, conv=fdatasync | ${ddSync.toFixed(0)} MB/s |`)
    console.log(`| \`dd\` write to the page cache, no sync | ${ddCache.toFixed(0)} MB/s |`)
    console.log(
      `| tus-js-client → a server that discards the bytes (the client's ceiling) | ${ceiling.toFixed(0)} MB/s |`
    )
    console.log(`| upload ÷ raw disk (goal ≥ 50%) | ${((throughput / ddSync) * 100).toFixed(0)}% |`)
    console.log(
      `| server RSS before → peak during the upload | ${rssBefore.toFixed(0)} → ${peak.toFixed(0)} MiB |`
    )
    console.log(`| server peak RSS growth (goal ≤ 64 MB) | ${(peak - rssBefore).toFixed(1)} MiB |`)
    console.log(`| stored file's sha256 equals the source's | ${match ? "yes" : "NO"} |`)
  } finally {
    server.kill("SIGTERM")
    await new Promise((r) => server.once("exit", r))
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  rmSync(dir, { recursive: true, force: true })
  console.error(e)
  process.exit(1)
})
