/**
 * @module Helpdesk benchmark: the ticket list and a ticket's detail under concurrent load,
 * with 100k tickets on PostgreSQL, next to a bare Hono "hello" route in the same run.
 * The server runs in a child process (this file with `serve`), autocannon in this one,
 * so the load generator does not share the server's event loop.
 *
 *   npx tsx tooling/bench/src/tickets.ts [postgres://postgres@127.0.0.1:5432/postgres] [seconds=10]
 *     [--cpu-prof=<dir>] [--only=<part of a route's name>]
 *
 * `--cpu-prof` runs the server under Node's sampling profiler and writes a `.cpuprofile`
 * into <dir> when it stops (open it in Chrome DevTools or speedscope); `--only` measures
 * just the matching routes, so a profile shows one route's per-request path.
 */

import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { loadConfig } from "@wharf/core"
import { createWharf } from "@wharf/server"
import autocannon from "autocannon"
import { Hono } from "hono"
import postgres from "postgres"
import { signIn } from "./session"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const TICKETS = 100_000
const CONNECTIONS = 50
const DB = "wharf_bench_tickets"
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const profileDir = flag("cpu-prof")
const only = flag("only")

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" })
    server.once("listening", () => resolve((server.address() as { port: number }).port))
  })

/** Child mode: a Wharf (identity + helpdesk, demo users) and a bare Hono app, on two ports. */
const runServer = async (url: string) => {
  process.env.WHARF_LOG = "silent"
  const dataDir = mkdtempSync(join(tmpdir(), "wharf-bench-"))
  const config = loadConfig({
    env: {
      WHARF_DATA_DIR: dataDir,
      DATABASE_URL: url,
      WHARF_PLUGINS: "identity,helpdesk",
      WHARF_ADMIN_PASSWORD: "bench-password-1",
      WHARF_LOG: "silent"
    }
  })
  const wharf = await createWharf({ config, jobs: false })
  const hello = new Hono().get("/", (c) => c.text("hello"))
  const ports = { wharf: await listen(wharf.app.fetch), hello: await listen(hello.fetch) }
  process.stdout.write(`${JSON.stringify(ports)}\n`)
  process.on("SIGTERM", () => {
    wharf.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true })
      process.exit(0)
    })
  })
}

/** 100k tickets over 2,000 requesters; the demo users own a realistic few hundred each. */
const seed = async (url: string) => {
  const sql = postgres(url, { onnotice: () => {} })
  const [li] = await sql<{ id: string }[]>`select id from identity.users where email = 'li.wei@example.com'`
  const groups = await sql<{ id: string; name: string }[]>`select id, name from identity.groups`
  await sql`
    insert into helpdesk.tickets (title, severity, category_id, description, status, requester_id, requester_name,
      requester_email, tenant_kind, tenant_id, tenant_name, calendar_id, first_response_due, resolution_due,
      created_at, updated_at, status_changed_at)
    select 'Bench ticket ' || i || case when i % 2 = 0 then ' 集群无法启动' else ' connection refused' end,
      (array['critical','major','normal','minor'])[1 + i % 4],
      (select id from helpdesk.categories order by position limit 1),
      'Benchmark ticket **' || i || '**',
      (array['in_progress','awaiting_reply','awaiting_confirmation','closed'])[1 + (i / 7) % 4],
      case when i % 500 = 0 then ${li!.id}::uuid else md5('requester' || (i % 2000))::uuid end,
      'Requester ' || (i % 2000), 'r' || (i % 2000) || '@example.com',
      case when i % 1000 in (1, 2) then 'group' else 'user' end,
      case when i % 1000 = 1 then ${groups.find((g) => g.name === "data-team")!.id}::uuid
           when i % 1000 = 2 then ${groups.find((g) => g.name === "analytics")!.id}::uuid
           when i % 500 = 0 then ${li!.id}::uuid
           else md5('requester' || (i % 2000))::uuid end,
      'tenant', (select id from helpdesk.calendars where is_default),
      now() - (i || ' minutes')::interval + interval '8 hours', now() - (i || ' minutes')::interval + interval '3 days',
      now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
    from generate_series(1, ${TICKETS}) as i`
  await sql`
    insert into helpdesk.messages (ticket_id, visibility, author_name, author_side, body, created_at)
    select t.id, v.visibility, v.author, v.side, v.body, t.created_at + v.after
    from helpdesk.tickets t cross join (values
      ('public', 'Support', 'support', 'Please upload the diagnostic package.', interval '1 hour'),
      ('public', 'Customer', 'customer', 'Uploaded, thank you.', interval '2 hours'),
      ('internal', 'Support', 'support', 'Internal: known issue.', interval '3 hours')
    ) as v (visibility, author, side, body, after)`
  // Fresh rows have no visibility map yet; without it no index-only scan is possible.
  await sql`vacuum analyze`
  const [count] = await sql<{ n: string }[]>`select count(*) as n from helpdesk.tickets`
  const [mine] = await sql<{ number: string }[]>`
    select number from helpdesk.tickets where requester_id = ${li!.id} order by number desc limit 1`
  await sql.end()
  return { tickets: Number(count!.n), liTicket: Number(mine!.number) }
}

/**
 * Another writer (a replica, a job) touching `perSecond` random tickets a second: each
 * change moves a ticket to the top of the lists and makes every replica forget its kept
 * list pages (the tables' trigger NOTIFYs), so the lists are read from the database again.
 */
const changingTickets = (url: string, tickets: number, perSecond: number) => () => {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  let changes = 0
  const timer = setInterval(() => {
    changes++
    sql`update helpdesk.tickets set updated_at = now()
      where number = ${10_000 + Math.floor(Math.random() * tickets)}`.catch(() => {})
  }, 1000 / perSecond)
  return async () => {
    clearInterval(timer)
    await sql.end()
    if (changes === 0) throw new Error("the writer made no change")
  }
}

/** CPU time a process has used, in ms (Linux /proc; 0 elsewhere). Clock ticks are 10 ms. */
const cpuMs = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}

/** Whose CPU each request is charged to: the server's process and its PostgreSQL backends.
 * Other engineers share the machine, so requests/s and latency swing with their load;
 * CPU per request does much less. */
const meters: { server: number[]; database: number[] } = { server: [], database: [] }
const used = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0)

const load = async (
  name: string,
  url: string,
  cookie: string | undefined,
  seconds: number,
  alongside?: () => () => Promise<void>
) => {
  if (only && !name.includes(only) && name !== "warm-up") return null
  const before = { server: used(meters.server), database: used(meters.database) }
  const stop = alongside?.()
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    ...(cookie ? { headers: { cookie } } : {})
  })
  await stop?.()
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`)
  const per = (ms: number) => (r.requests.total > 0 ? ms / r.requests.total : 0)
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    serverMs: per(used(meters.server) - before.server),
    databaseMs: per(used(meters.database) - before.database)
  }
}

const main = async () => {
  const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"))
  const admin = positional[0] ?? "postgres://postgres@127.0.0.1:5432/postgres"
  const seconds = Number(positional[1] ?? 10)
  const root = postgres(admin, { max: 1, onnotice: () => {} })
  await root.unsafe(`drop database if exists ${DB} with (force)`)
  await root.unsafe(`create database ${DB}`)
  await root.end()
  const url = Object.assign(new URL(admin), { pathname: `/${DB}` }).toString()

  // Node itself, with tsx as a loader, so profiler flags reach the server's process.
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", fileURLToPath(import.meta.url), "serve", url],
    { cwd: repo, stdio: ["ignore", "pipe", "inherit"] }
  )
  const ports = await new Promise<{ wharf: number; hello: number }>((resolve, reject) => {
    child.stdout.once("data", (d: Buffer) => resolve(JSON.parse(d.toString())))
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)))
  })
  try {
    const started = performance.now()
    const seeded = await seed(url)
    const seedSeconds = (performance.now() - started) / 1000
    const base = `http://127.0.0.1:${ports.wharf}`
    const { cookie: customer } = await signIn(base, { email: "li.wei@example.com", password: "wharf-demo-1" })
    const { cookie: agent } = await signIn(base, { email: "wang.fang@example.com", password: "wharf-demo-1" })
    // Warm the pools and caches before measuring.
    await load("warm-up", `${base}/api/v1/tickets?limit=20`, customer, 2)
    const probe = postgres(url, { max: 1, onnotice: () => {} })
    const backends = await probe<{ pid: number }[]>`
      select pid from pg_stat_activity where datname = ${DB} and application_name = 'wharf'`
    await probe.end()
    meters.server = [child.pid!]
    meters.database = backends.map((b) => b.pid)
    const loadBefore = loadavg()
    const results = [
      await load('bare Hono "hello"', `http://127.0.0.1:${ports.hello}/`, undefined, seconds),
      // Signing a request in (session, user, groups: three queries) costs this much alone.
      await load("signed-in no-op (GET /me)", `${base}/api/v1/me`, customer, seconds),
      await load(
        "customer: my tickets (GET /tickets?limit=20)",
        `${base}/api/v1/tickets?limit=20`,
        customer,
        seconds
      ),
      await load(
        "agent: all tickets (GET /tickets?limit=20)",
        `${base}/api/v1/tickets?limit=20`,
        agent,
        seconds
      ),
      await load(
        "customer: my tickets, 10 ticket changes/s elsewhere",
        `${base}/api/v1/tickets?limit=20`,
        customer,
        seconds,
        changingTickets(url, seeded.tickets, 10)
      ),
      await load(
        "agent: all tickets, 10 ticket changes/s elsewhere",
        `${base}/api/v1/tickets?limit=20`,
        agent,
        seconds,
        changingTickets(url, seeded.tickets, 10)
      ),
      await load(
        "agent: search (GET /tickets?search=…&limit=20)",
        `${base}/api/v1/tickets?limit=20&search=${encodeURIComponent("集群无法启动")}`,
        agent,
        seconds
      ),
      await load(
        `customer: detail (GET /tickets/${seeded.liTicket})`,
        `${base}/api/v1/tickets/${seeded.liTicket}`,
        customer,
        seconds
      )
    ]
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
    )
    console.log(
      `date: ${new Date().toISOString().slice(0, 10)}; ${seeded.tickets} tickets (+${seeded.tickets * 3} messages) seeded in ${seedSeconds.toFixed(1)} s; ${CONNECTIONS} connections, ${seconds} s per route`
    )
    const la = (l: number[]) => l.map((x) => x.toFixed(1)).join(", ")
    console.log(`load average (1, 5, 15 min): ${la(loadBefore)} before, ${la(loadavg())} after`)
    console.log(
      "| route | requests/s | p50 | p99 | server CPU per request | PostgreSQL CPU per request |\n|---|---:|---:|---:|---:|---:|"
    )
    for (const r of results)
      if (r)
        console.log(
          `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r.serverMs.toFixed(2)} ms | ${r.databaseMs.toFixed(2)} ms |`
        )
  } finally {
    child.kill("SIGTERM")
    await new Promise((r) => child.once("exit", r))
  }
}

if (process.argv[2] === "serve") {
  runServer(process.argv[3]!).catch((e) => {
    console.error(e)
    process.exit(1)
  })
} else {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
