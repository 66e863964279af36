/**
 * @module First-screen benchmark: how long a signed-in customer waits for a page's heading
 * in Chromium, from a cold cache (new browser context) and warm (the same page reloaded),
 * for the home, tickets, knowledge base and control panel pages; with the requests made, the
 * JavaScript fetched and the sequential round trips before the heading.
 *
 *   npx tsx tooling/bench/src/first-screen.ts [runs=5]
 *
 * Wharf runs as `npm start` runs it (apps/server/src/main.ts, the console built afresh into a
 * temporary folder, embedded PGlite, demo data) in a child process on loopback; Chromium is launched as
 * the browser suites launch it (e2e/src/chromium.ts: Debian's binary, CHROMIUM_PATH to change it).
 * Whatever fails (Wharf not ready, Chromium not launched, a page), the child is stopped.
 *
 * - first heading: `performance.now()` when the page's `h1` is first laid out, from the
 *   navigation's start (the browser's own clock, so the harness's speed does not count).
 * - round trips: the depth of the request chain up to the heading. The HTML is 1; a request
 *   the HTML's parser found is 2; any other request is one more than the deepest request that
 *   had finished before it started (it could have waited for it). Answers from the browser's
 *   cache are no round trip.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { launchBrowser } from "@wharf/e2e/chromium"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { signIn } from "./session"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const runs = Number(process.argv[2] ?? 5)
const PORT = 18_530
const base = `http://127.0.0.1:${PORT}`
const CUSTOMER = { email: "zhang.min@example.com", password: "wharf-demo-1" }
const PAGES = [
  { name: "home", path: "/" },
  { name: "my tickets", path: "/tickets" },
  { name: "knowledge base", path: "/kb" },
  { name: "control panel", path: "/apps" }
]

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Wharf in a child process, and how to stop it and remove its data. */
const spawnWharf = () => {
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-bench-"))
  const child: ChildProcess = spawn(join(repo, "node_modules/.bin/tsx"), ["apps/server/src/main.ts"], {
    cwd: repo,
    env: {
      ...process.env,
      WHARF_DATA_DIR: dataDir,
      // An empty folder: the server builds the console from the sources as they are.
      WHARF_CONSOLE_DIR: join(dataDir, "console"),
      HOST: "127.0.0.1",
      PORT: String(PORT),
      WHARF_ADMIN_PASSWORD: "bench-password-1",
      WHARF_DEMO_APPS: "1",
      WHARF_LOG: "silent"
    },
    stdio: ["ignore", "ignore", "inherit"]
  })
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r))
      child.kill("SIGTERM")
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { child, stop }
}

const waitUntilReady = async (child: ChildProcess) => {
  const started = performance.now()
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return
    } catch {}
    if (child.exitCode !== null) throw new Error(`Wharf exited (${child.exitCode}) before it was ready`)
    // The first start may build the console for the enabled plugins.
    if (performance.now() - started > 300_000) throw new Error("Wharf did not become ready in 300 s")
    await sleep(100)
  }
}

/**
 * Records, in the page, when the first `h1` with text is laid out (before any of the page's
 * scripts run). A string: tsx's helpers do not exist in the page.
 */
const watchHeading = `window.__firstHeading = new Promise((seen) => {
  const observer = new MutationObserver(() => {
    const h1 = document.querySelector("h1")
    if (h1 && h1.getClientRects().length > 0 && h1.textContent.trim()) {
      observer.disconnect()
      seen(performance.now())
    }
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
})`

interface Request {
  url: string
  start: number
  end?: number
  parser: boolean
  cached: boolean
  type: string
  bytes: number
}

/** One page load: the heading's time and what went over the network for it. */
const load = async (context: BrowserContext, page: Page, go: () => Promise<unknown>) => {
  const cdp = await context.newCDPSession(page)
  const requests = new Map<string, Request>()
  cdp.on("Network.requestWillBeSent", (e) => {
    requests.set(e.requestId, {
      url: e.request.url,
      start: e.timestamp,
      parser: e.initiator.type === "parser",
      cached: false,
      type: e.type ?? "",
      bytes: 0
    })
  })
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = requests.get(e.requestId)
    if (r) r.cached = true
  })
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId)
    if (r && (e.response.fromDiskCache || e.response.fromPrefetchCache)) r.cached = true
    if (r) r.type = e.type
  })
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId)
    if (r) {
      r.end = e.timestamp
      r.bytes = e.encodedDataLength
    }
  })
  await cdp.send("Network.enable")
  await go()
  // Evaluated through the DevTools protocol, which the page's CSP does not restrict.
  const heading = (await page.evaluate("window.__firstHeading")) as number
  await page.waitForLoadState("networkidle")
  await cdp.detach()
  if (new URL(page.url()).pathname.startsWith("/sign-in")) throw new Error(`${page.url()}: not signed in`)

  const all = [...requests.values()].filter((r) => r.url.startsWith("http")).sort((a, b) => a.start - b.start)
  // CDP's timestamps are seconds on a monotonic clock; the document's request is the start.
  const doc = all[0]!
  const headingAt = doc.start + heading / 1000
  const depth = new Map<Request, number>()
  for (const r of all) {
    if (r === doc) depth.set(r, 1)
    else if (r.cached) depth.set(r, 0)
    else if (r.parser) depth.set(r, 2)
    else {
      const before = all.filter((q) => q !== r && q.end !== undefined && q.end <= r.start && depth.has(q))
      depth.set(r, 1 + Math.max(1, ...before.map((q) => depth.get(q)!)))
    }
  }
  const beforeHeading = all.filter((r) => r.start <= headingAt)
  const js = all.filter((r) => r.type === "Script" && !r.cached)
  return {
    headingMs: heading,
    requests: all.length,
    jsFiles: js.length,
    jsKb: js.reduce((s, r) => s + r.bytes, 0) / 1024,
    roundTrips: Math.max(...beforeHeading.map((r) => depth.get(r) ?? 0))
  }
}

type Result = Awaited<ReturnType<typeof load>>
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const summary = (rs: Result[]) => ({
  headingMs: median(rs.map((r) => r.headingMs)),
  requests: median(rs.map((r) => r.requests)),
  jsFiles: median(rs.map((r) => r.jsFiles)),
  jsKb: median(rs.map((r) => r.jsKb)),
  roundTrips: median(rs.map((r) => r.roundTrips))
})

const main = async () => {
  // A server left from an earlier run would be measured instead (and keeps the port).
  const answering = await fetch(`${base}/readyz`).then(
    () => true,
    () => false
  )
  if (answering) throw new Error(`${base} already answers: stop the Wharf running there first`)
  const wharf = spawnWharf()
  try {
    await waitUntilReady(wharf.child)
    const browser = await launchBrowser()
    try {
      await measure(browser)
    } finally {
      await browser.close()
    }
  } finally {
    await wharf.stop()
  }
}

const measure = async (browser: Browser) => {
  const session = await signIn(base, CUSTOMER)
  const cookies = session.cookie.split("; ").map((c) => {
    const [name, ...value] = c.split("=")
    return { name: name!, value: value.join("="), url: base }
  })
  const rows: string[] = []
  for (const { name, path } of PAGES) {
    const cold: Result[] = []
    const warm: Result[] = []
    // One unmeasured load first: the server's own first answers (JIT, caches) are not the page's.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } })
      await context.addCookies(cookies)
      await context.addInitScript({ content: watchHeading })
      const page = await context.newPage()
      const first = await load(context, page, () => page.goto(`${base}${path}`, { waitUntil: "commit" }))
      const again = await load(context, page, () => page.reload({ waitUntil: "commit" }))
      if (i > 0) {
        cold.push(first)
        warm.push(again)
      }
      await context.close()
    }
    const c = summary(cold)
    const w = summary(warm)
    rows.push(
      `| ${name} (\`${path}\`) | ${c.headingMs.toFixed(0)} ms | ${w.headingMs.toFixed(0)} ms | ${c.roundTrips} / ${w.roundTrips} | ${c.requests} / ${w.requests} | ${c.jsFiles} (${c.jsKb.toFixed(0)} KB) / ${w.jsFiles} (${w.jsKb.toFixed(0)} KB) |`
    )
  }
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browser.version()}`
  )
  console.log(
    `date: ${new Date().toISOString().slice(0, 10)}, runs: ${runs} per page (median), load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`
  )
  console.log(
    "| page | first heading, cold | first heading, warm | round trips before it, cold / warm | requests, cold / warm | JS over the network, cold / warm |"
  )
  console.log("|---|---|---|---|---|---|")
  for (const row of rows) console.log(row)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
