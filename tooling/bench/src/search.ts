/**
 * @module Search benchmark: 100k generated articles (half Chinese, half English) in the
 * knowledge base's search index — build time, heap, and query p50/p95 for English
 * phrases, Chinese, mixed text and typos, plus replacing an article — next to PostgreSQL
 * full-text search (`to_tsvector`/`ts_rank` with a GIN index) on the same data in the
 * same run. The load average is printed with the figures: the machine may be shared.
 *
 *   node --expose-gc --import tsx tooling/bench/src/search.ts [docs=100000] [postgresUrl]
 *
 * PostgreSQL defaults to postgres://postgres@127.0.0.1:5432/postgres; the run creates and
 * drops a database of its own there. Prints a Markdown section for docs/benchmarks.md.
 */
import { readFileSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
import { plainText, SearchIndex } from "@wharf/core/search"
import postgres from "postgres"

const docs = Number(process.argv[2] ?? 100_000)
const adminUrl = process.argv[3] ?? "postgres://postgres@127.0.0.1:5432/postgres"
const RUNS = 200

interface Base {
  title: string
  body: string
  tags: string[]
  product: string
  version: string
  locale: string
}
const base = (
  JSON.parse(
    readFileSync(new URL("../../../plugins/knowledge-base/demo/articles.json", import.meta.url), "utf8")
  ) as {
    articles: Base[]
  }
).articles

/** Deterministic: the same 100k articles on every run. */
let seed = 42
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}
const pick = <T>(xs: ReadonlyArray<T>) => xs[Math.floor(random() * xs.length)]!
const customers = ["华东电网", "招商银行", "国家气象局", "Acme Retail", "Globex Logistics", "Initech Bank"]
const hosts = ["dn01", "dn07", "nn-a", "rm-2", "kafka-b3", "zk-5", "edge-9"]

/** An article: one demo article's text, plus paragraphs from two others of its language. */
const generate = (i: number) => {
  const a = base[i % base.length]!
  const sameLocale = base.filter((b) => b.locale === a.locale)
  const extra = [pick(sameLocale), pick(sameLocale)].map((b) => b.body.split("\n\n")[1] ?? "").join("\n\n")
  const context =
    a.locale === "en"
      ? `Reported by ${pick(customers)} on host ${pick(hosts)}, case ${100_000 + i}.`
      : `${pick(customers)} 在主机 ${pick(hosts)} 上报告，案例 ${100_000 + i}。`
  return {
    id: `a${i}`,
    title: `${a.title} [${100_000 + i}]`,
    body: `${context}\n\n${a.body}\n\n${extra}`,
    tags: a.tags,
    product: a.product,
    version: a.version,
    locale: a.locale
  }
}

const queries = {
  "English phrase": [
    "Cannot get a connection",
    "Failed to update metadata",
    "Connection refused",
    "upgrade checklist"
  ],
  Chinese: ["连接失败", "无法获取连接", "内存溢出", "升级后无法启动"],
  Mixed: ["HBase 内存溢出", "Kafka 配额", "Inceptor 连接失败", "OutOfMemoryError 堆转储"],
  "Typo (English)": ["conection refused", "kafak metadata", "upgarde checklist", "zookeper connection loss"]
} as const

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!
const ms = (n: number) => n.toFixed(2)
const gc = () => (globalThis as { gc?: () => void }).gc?.()
const heapMiB = () => {
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

const time = async (run: () => unknown | Promise<unknown>) => {
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  return samples
}

const articles = Array.from({ length: docs }, (_, i) => generate(i))

const loadBefore = loadavg()
const heapBefore = heapMiB()
const buildStarted = performance.now()
const index = new SearchIndex()
for (const a of articles) index.put({ ...a, text: plainText(a.body) })
const buildSeconds = (performance.now() - buildStarted) / 1000
const heap = heapMiB() - heapBefore

// An edit: the same article put again (as the index does when an article changes).
const edits: number[] = []
for (let i = 0; i < RUNS; i++) {
  const a = articles[(i * 7919) % articles.length]!
  const started = performance.now()
  index.put({ ...a, text: plainText(a.body) })
  edits.push(performance.now() - started)
}

// PostgreSQL: its own database, dropped afterwards.
const dbName = `wharf_bench_${process.pid}`
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
await admin.unsafe(`create database ${dbName}`)
const url = new URL(adminUrl)
url.pathname = `/${dbName}`
const sql = postgres(url.toString(), { max: 2, onnotice: () => {} })
const rows: Array<Record<string, unknown>> = []
let pgLoad = 0
try {
  const pgStarted = performance.now()
  await sql`create table kb (id text primary key, title text, body text, locale text,
    tsv tsvector generated always as (to_tsvector('simple', title || ' ' || body)) stored)`
  for (let i = 0; i < articles.length; i += 2000) {
    const batch = articles
      .slice(i, i + 2000)
      .map(({ id, title, body, locale }) => ({ id, title, body, locale }))
    await sql`insert into kb ${sql(batch, "id", "title", "body", "locale")}`
  }
  await sql`create index kb_tsv on kb using gin (tsv)`
  await sql`analyze kb`
  pgLoad = (performance.now() - pgStarted) / 1000

  for (const [kind, qs] of Object.entries(queries)) {
    const fx: number[] = []
    const pg: number[] = []
    const fxHits: string[] = []
    const pgHits: number[] = []
    for (const q of qs) {
      fx.push(...(await time(() => index.search({ q, limit: 10, offset: 0 }))))
      const hits = index.search({ q, limit: 10, offset: 0 })
      fxHits.push(`${hits.total}${hits.partial ? "*" : ""}`)
      pg.push(
        ...(await time(
          () => sql`select id, ts_rank(tsv, query) as rank from kb, plainto_tsquery('simple', ${q}) query
                    where tsv @@ query order by rank desc limit 10`
        ))
      )
      const [n] = await sql<
        { n: string }[]
      >`select count(*)::text as n from kb where tsv @@ plainto_tsquery('simple', ${q})`
      pgHits.push(Number(n?.n ?? 0))
    }
    rows.push({
      kind,
      fxP50: ms(percentile(fx, 50)),
      fxP95: ms(percentile(fx, 95)),
      fxHits: fxHits.join(" / "),
      pgP50: ms(percentile(pg, 50)),
      pgP95: ms(percentile(pg, 95)),
      pgHits: pgHits.join(" / ")
    })
  }
} finally {
  await sql.end()
  await admin.unsafe(`drop database if exists ${dbName} with (force)`)
  await admin.end()
}

const cpu = cpus()[0]?.model ?? "unknown CPU"
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ")
console.log(`## Search (knowledge base index vs PostgreSQL full-text)

Command: \`node --expose-gc --import tsx tooling/bench/src/search.ts ${docs}\`
Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; date ${new Date().toISOString().slice(0, 10)}
Load average (1 / 5 / 15 min): ${load(loadBefore)} at the start, ${load(loadavg())} at the end

${docs.toLocaleString("en")} generated articles (half Chinese, half English). Index: built in
${buildSeconds.toFixed(1)} s, heap +${heap.toFixed(0)} MiB; replacing an article p50 ${ms(percentile(edits, 50))} ms, p95 ${ms(percentile(edits, 95))} ms.
PostgreSQL (same data): load + GIN index ${pgLoad.toFixed(1)} s.
Each query ${RUNS} times; index times are the index alone (exact total, ranked page of 10,
completion and typo correction included), PostgreSQL's a \`ts_rank\`-ordered top 10 over a GIN
index, over the socket. Matches: the total each engine finds for each query of the group, in order
(*: no article has every word; the index then counts and ranks those with most of them).

| Queries | index p50 ms | p95 ms | matches | PostgreSQL p50 ms | p95 ms | matches |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.kind} | ${r.fxP50} | ${r.fxP95} | ${r.fxHits} | ${r.pgP50} | ${r.pgP95} | ${r.pgHits} |`).join("\n")}
`)
