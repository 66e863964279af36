/**
 * @module Start-up benchmark: time from process start to `/readyz` answering 200, on an
 * empty data directory (PGlite initdb + migrations + demo data) and on an existing one;
 * the server's idle RSS; and the console's initial JavaScript, gzipped.
 *
 *   npx tsx tooling/bench/src/startup.ts [runs=3]
 */
import { spawn } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { cpus, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const runs = Number(process.argv[2] ?? 3)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const rssOf = (pid: number) => {
  // The server runs under tsx's loader in a child node process; sum the tree.
  const status = (p: number) => readFileSync(`/proc/${p}/status`, "utf8")
  const kb = (p: number) => Number(status(p).match(/VmRSS:\s+(\d+)/)?.[1] ?? 0)
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number)
    } catch {
      return []
    }
  }
  const all = (p: number): number[] => [p, ...children(p).flatMap(all)]
  return all(pid).reduce((sum, p) => sum + kb(p), 0) / 1024
}

const startOnce = async (dataDir: string, port: number) => {
  const started = performance.now()
  const child = spawn(join(repo, "node_modules/.bin/tsx"), ["apps/server/src/main.ts"], {
    cwd: repo,
    env: {
      ...process.env,
      WHARF_DATA_DIR: dataDir,
      PORT: String(port),
      WHARF_ADMIN_PASSWORD: "bench-password-1",
      WHARF_LOG: "silent"
    },
    stdio: "ignore"
  })
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`)
      if (res.status === 200) break
    } catch {}
    if (performance.now() - started > 60_000) throw new Error("the server did not become ready in 60 s")
    await sleep(20)
  }
  const readyMs = performance.now() - started
  await sleep(3000)
  const rssMb = rssOf(child.pid!)
  child.kill("SIGTERM")
  await new Promise((r) => child.once("exit", r))
  return { readyMs, rssMb }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const consoleJs = () => {
  const dist = join(repo, "apps/console/dist")
  const html = readFileSync(join(dist, "index.html"), "utf8")
  const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  const bytes = entries.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0)
  const all = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"))
  return { entries, kb: bytes / 1024, chunks: all.length }
}

const main = async () => {
  const cold: number[] = []
  const warm: number[] = []
  const rss: number[] = []
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), "wharf-bench-"))
    const first = await startOnce(dir, 18_480 + i)
    const second = await startOnce(dir, 18_490 + i)
    cold.push(first.readyMs)
    warm.push(second.readyMs)
    rss.push(second.rssMb)
    rmSync(dir, { recursive: true, force: true })
  }
  const js = consoleJs()
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  )
  console.log(`date: ${new Date().toISOString().slice(0, 10)}, runs: ${runs} (median)`)
  console.log("| measure | value |\n|---|---|")
  console.log(`| cold start to /readyz, empty data dir | ${(median(cold) / 1000).toFixed(2)} s |`)
  console.log(`| start to /readyz, existing data dir | ${(median(warm) / 1000).toFixed(2)} s |`)
  console.log(`| idle RSS after start (server process tree) | ${median(rss).toFixed(0)} MB |`)
  console.log(
    `| initial console JS, gzip (${js.entries.length} file(s) in index.html; ${js.chunks} chunks in all) | ${js.kb.toFixed(1)} KiB |`
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
