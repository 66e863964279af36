/**
 * @module Wharf's own metrics store in PostgreSQL: series, hourly packed samples, daily packed
 * rollups. A cycle is three statements whatever the number of pods (series ids are cached per
 * process), so 20,000 pods cost the database one append, not 40,000 round trips.
 */
import { Db } from "@wharf/core"
import { Effect } from "effect"
import {
  type Bucket,
  DAY_MS,
  dayOf,
  decodeBuckets,
  decodeSamples,
  encodeBuckets,
  encodeSamples,
  HOUR_MS,
  hourOf,
  rollup,
  type Sample
} from "./codec"

export type SeriesKind = "container" | "pod" | "node"
export type MetricName = "cpu" | "memory" | "rx" | "tx" | "fs" | "fs_capacity"

export interface SeriesKey {
  readonly clusterId: string
  readonly kind: SeriesKind
  readonly namespace: string
  readonly name: string
  readonly container: string
  readonly metric: MetricName
}

export interface SeriesRow extends SeriesKey {
  readonly id: string
  readonly appInstance: string | null
  readonly component: string | null
}

export interface Observation extends SeriesKey {
  readonly value: number
  readonly appInstance?: string | undefined
  readonly component?: string | undefined
}

const ROLLUP_STEPS = [300, 3600] as const

const keyOf = (k: SeriesKey) =>
  [k.clusterId, k.kind, k.namespace, k.name, k.container, k.metric].join("\u0000")

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")

/** Series ids by key, learned on first sight; a series deleted by retention is learned again. */
const seriesIds = new Map<string, string>()

/** The ids of the observations' series, creating the new ones in one statement. */
const idsOf = Effect.fn("MetricsStore.idsOf")(function* (obs: ReadonlyArray<Observation>) {
  const db = yield* Db
  const fresh = new Map<string, Observation>()
  for (const o of obs) if (!seriesIds.has(keyOf(o))) fresh.set(keyOf(o), o)
  if (fresh.size > 0) {
    const rows = [...fresh.values()]
    const col = <T>(f: (o: Observation) => T) => rows.map(f)
    const created = yield* db.query(
      (sql) => sql<
        {
          id: string
          cluster_id: string
          kind: string
          namespace: string
          name: string
          container: string
          metric: string
        }[]
      >`
        insert into observe.metric_series (cluster_id, kind, namespace, name, container, metric, app_instance, component)
        select * from unnest(${sql.array(col((o) => o.clusterId))}::uuid[], ${sql.array(col((o) => o.kind))}::text[],
          ${sql.array(col((o) => o.namespace))}::text[], ${sql.array(col((o) => o.name))}::text[],
          ${sql.array(col((o) => o.container))}::text[], ${sql.array(col((o) => o.metric))}::text[],
          ${sql.array(col((o) => o.appInstance ?? ""))}::text[], ${sql.array(col((o) => o.component ?? ""))}::text[])
        on conflict (cluster_id, kind, namespace, name, container, metric)
          do update set app_instance = nullif(excluded.app_instance, ''), component = nullif(excluded.component, '')
        returning id::text, cluster_id::text, kind, namespace, name, container, metric`
    )
    for (const r of created)
      seriesIds.set(
        keyOf({ ...r, clusterId: r.cluster_id, kind: r.kind as SeriesKind, metric: r.metric as MetricName }),
        r.id
      )
  }
  return obs.map((o) => seriesIds.get(keyOf(o))!)
})

/** Appends one sample per observation at `t` to its series' chunk of that hour. */
export const appendCycle = Effect.fn("MetricsStore.appendCycle")(function* (
  t: number,
  obs: ReadonlyArray<Observation>
) {
  if (obs.length === 0) return
  const db = yield* Db
  const hour = hourOf(t)
  const data = obs.map((o) => hex(encodeSamples(hour, [{ t, v: o.value }])))
  const append = Effect.gen(function* () {
    const ids = yield* idsOf(obs)
    yield* db.query(
      (sql) => sql`
        insert into observe.metric_raw (series_id, hour, data)
        select id, ${new Date(hour)}::timestamptz, decode(d, 'hex') from unnest(${sql.array(ids)}::bigint[], ${sql.array(data)}::text[]) as x(id, d)
        on conflict (series_id, hour) do update set data = observe.metric_raw.data || excluded.data`
    )
  })
  // A series another replica's retention deleted is still in this one's cache: learn again.
  yield* append.pipe(
    Effect.catchIf(
      (e) => e.code === "23503",
      () => {
        seriesIds.clear()
        return append
      }
    )
  )
})

/** Writes samples of many hours at once (the benchmark's generator, imports). */
export const appendSamples = Effect.fn("MetricsStore.appendSamples")(function* (
  key: Observation,
  samples: ReadonlyArray<Sample>
) {
  const db = yield* Db
  const [id] = yield* idsOf([key])
  const byHour = new Map<number, Sample[]>()
  for (const s of samples) byHour.set(hourOf(s.t), [...(byHour.get(hourOf(s.t)) ?? []), s])
  const hours = [...byHour.keys()]
  const data = hours.map((h) => hex(encodeSamples(h, byHour.get(h)!)))
  yield* db.query(
    (sql) => sql`
      insert into observe.metric_raw (series_id, hour, data)
      select ${id!}, h, decode(d, 'hex') from unnest(${sql.array(hours.map((h) => new Date(h).toISOString()))}::timestamptz[], ${sql.array(data)}::text[]) as x(h, d)
      on conflict (series_id, hour) do update set data = observe.metric_raw.data || excluded.data`
  )
})

/** Rollup rows of raw rows: one per (series, step, day), several hours of a day joined. */
const rollupRows = (rows: ReadonlyArray<{ series_id: string; hour: Date; data: Uint8Array }>) => {
  const pieces = new Map<string, { id: string; step: number; day: string; bytes: Uint8Array[] }>()
  for (const r of rows) {
    const hour = r.hour.getTime()
    const samples = decodeSamples(hour, r.data)
    const day = dayOf(hour)
    for (const step of ROLLUP_STEPS) {
      const key = `${r.series_id}/${step}/${day}`
      const p = pieces.get(key) ?? {
        id: r.series_id,
        step,
        day: new Date(day).toISOString().slice(0, 10),
        bytes: []
      }
      p.bytes.push(encodeBuckets(day, step * 1000, rollup(samples, step * 1000)))
      pieces.set(key, p)
    }
  }
  return [...pieces.values()]
}

const BATCH = 5000

/**
 * Rolls up every finished hour after the watermark, an hour at a time in one transaction each
 * (its 5-min and 1-h min/avg/max appended to the day's rollup rows, then the mark moved), so
 * a crash leaves an hour wholly done or not. Runs in the collector's job: once across replicas.
 * Returns the raw rows rolled up.
 */
export const rollupFinishedHours = Effect.fn("MetricsStore.rollup")(function* (now: number) {
  const db = yield* Db
  const current = hourOf(now)
  const [mark] = yield* db.query(
    (sql) => sql<{ next_hour: Date | null }[]>`
      select coalesce((select next_hour from observe.metric_rollup_mark), (select min(hour) from observe.metric_raw)) as next_hour`
  )
  let rolled = 0
  for (let hour = mark?.next_hour?.getTime() ?? current; hour < current; hour += HOUR_MS) {
    rolled += yield* db.transaction(
      Effect.gen(function* () {
        let after = "0"
        let n = 0
        while (true) {
          const rows = yield* db.query(
            (sql) => sql<{ series_id: string; hour: Date; data: Uint8Array }[]>`
              select series_id::text, hour, data from observe.metric_raw
              where hour = ${new Date(hour)} and series_id > ${after} order by series_id limit ${BATCH}`
          )
          if (rows.length === 0) break
          after = rows.at(-1)!.series_id
          n += rows.length
          const list = rollupRows(rows)
          yield* db.query(
            (sql) => sql`
              insert into observe.metric_rollups (series_id, step, day, data)
              select id, s, d::date, decode(b, 'hex') from unnest(${sql.array(list.map((p) => p.id))}::bigint[],
                ${sql.array(list.map((p) => p.step))}::int[], ${sql.array(list.map((p) => p.day))}::text[],
                ${sql.array(list.map((p) => p.bytes.map(hex).join("")))}::text[]) as x(id, s, d, b)
              on conflict (series_id, step, day) do update set data = observe.metric_rollups.data || excluded.data`
          )
        }
        yield* db.query(
          (sql) => sql`
            insert into observe.metric_rollup_mark (next_hour) values (${new Date(hour + HOUR_MS)})
            on conflict (only_row) do update set next_hour = excluded.next_hour`
        )
        return n
      })
    )
  }
  return rolled
})

export interface Retention {
  readonly rawHours: number
  readonly rollupDays: number
}

/** Drops raw hours and rollup days past retention, then series left with neither. */
export const expire = Effect.fn("MetricsStore.expire")(function* (now: number, keep: Retention) {
  const db = yield* Db
  const rawBefore = new Date(hourOf(now - keep.rawHours * HOUR_MS))
  const rollupBefore = new Date(now - keep.rollupDays * DAY_MS).toISOString().slice(0, 10)
  // Only hours already rolled up go.
  yield* db.query(
    (sql) => sql`delete from observe.metric_raw where hour < ${rawBefore}
      and hour < (select next_hour from observe.metric_rollup_mark)`
  )
  yield* db.query((sql) => sql`delete from observe.metric_rollups where day < ${rollupBefore}::date`)
  const gone = yield* db.query(
    (sql) => sql<{ id: string }[]>`
      delete from observe.metric_series s
      where not exists (select 1 from observe.metric_raw r where r.series_id = s.id)
        and not exists (select 1 from observe.metric_rollups u where u.series_id = s.id)
      returning id::text`
  )
  if (gone.length > 0) {
    const ids = new Set(gone.map((g) => g.id))
    for (const [k, id] of seriesIds) if (ids.has(id)) seriesIds.delete(k)
  }
})

/** Series matching a filter: one container's, one pod's, a node's, or an app instance's. */
export const findSeries = Effect.fn("MetricsStore.findSeries")(function* (filter: {
  clusterId: string
  kind?: SeriesKind
  namespace?: string
  name?: string
  container?: string
  appInstance?: string
  metrics: ReadonlyArray<MetricName>
}) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<
      {
        id: string
        kind: SeriesKind
        namespace: string
        name: string
        container: string
        metric: MetricName
        app_instance: string | null
        component: string | null
      }[]
    >`
      select id::text, kind, namespace, name, container, metric, app_instance, component from observe.metric_series
      where cluster_id = ${filter.clusterId} and metric = any(${sql.array([...filter.metrics])}::text[])
        ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}
        ${filter.namespace !== undefined ? sql`and namespace = ${filter.namespace}` : sql``}
        ${filter.name !== undefined ? sql`and name = ${filter.name}` : sql``}
        ${filter.container !== undefined ? sql`and container = ${filter.container}` : sql``}
        ${filter.appInstance !== undefined ? sql`and app_instance = ${filter.appInstance}` : sql``}
      order by namespace, name, container, metric`
  )
  return rows.map(
    (r): SeriesRow => ({
      id: r.id,
      clusterId: filter.clusterId,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      container: r.container,
      metric: r.metric,
      appInstance: r.app_instance,
      component: r.component
    })
  )
})

/** Raw samples of series in [from, to]. */
export const readRaw = Effect.fn("MetricsStore.readRaw")(function* (
  ids: ReadonlyArray<string>,
  from: number,
  to: number
) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<{ series_id: string; hour: Date; data: Uint8Array }[]>`
      select series_id::text, hour, data from observe.metric_raw
      where series_id = any(${sql.array([...ids])}::bigint[]) and hour >= ${new Date(hourOf(from))} and hour <= ${new Date(to)}
      order by hour`
  )
  const out = new Map<string, Sample[]>(ids.map((id) => [id, []]))
  for (const r of rows)
    for (const s of decodeSamples(r.hour.getTime(), r.data))
      if (s.t >= from && s.t <= to) out.get(r.series_id)!.push(s)
  for (const list of out.values()) list.sort((a, b) => a.t - b.t)
  return out
})

/** Rollup buckets at `step` seconds of series in [from, to]. */
export const readRollups = Effect.fn("MetricsStore.readRollups")(function* (
  ids: ReadonlyArray<string>,
  step: (typeof ROLLUP_STEPS)[number],
  from: number,
  to: number
) {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<{ series_id: string; day: string; data: Uint8Array }[]>`
      select series_id::text, day::text as day, data from observe.metric_rollups
      where series_id = any(${sql.array([...ids])}::bigint[]) and step = ${step}
        and day >= ${new Date(from).toISOString().slice(0, 10)}::date and day <= ${new Date(to).toISOString().slice(0, 10)}::date`
  )
  const out = new Map<string, Bucket[]>(ids.map((id) => [id, []]))
  for (const r of rows)
    for (const b of decodeBuckets(Date.parse(`${r.day}T00:00:00Z`), step * 1000, r.data))
      if (b.t >= from && b.t <= to) out.get(r.series_id)!.push(b)
  for (const list of out.values()) list.sort((a, b) => a.t - b.t)
  return out
})
