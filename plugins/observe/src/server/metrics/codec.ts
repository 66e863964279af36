/**
 * @module The store's packed formats. A raw chunk holds one series' samples of one hour; each
 * sample is a varint of seconds since the hour began and a float32 value, so the collector
 * appends a cycle with `data || sample` and never reads the row back (no read-modify-write
 * across replicas). At 15 s that is 6 bytes a sample, ~35 KB a series-day before the row's
 * own overhead. A rollup chunk holds one series' buckets of one day at one step: a varint of
 * the bucket's index in the day, then min, avg and max as float32 (13–14 bytes a bucket).
 */

export interface Sample {
  /** Epoch milliseconds. */
  readonly t: number
  readonly v: number
}

export interface Bucket {
  /** Start of the bucket, epoch milliseconds. */
  readonly t: number
  readonly min: number
  readonly avg: number
  readonly max: number
}

export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/** The start of the hour (UTC) that holds `t`. */
export const hourOf = (t: number): number => Math.floor(t / HOUR_MS) * HOUR_MS
/** The start of the day (UTC) that holds `t`. */
export const dayOf = (t: number): number => Math.floor(t / DAY_MS) * DAY_MS

const writeVarint = (out: number[], n: number): void => {
  let x = n
  while (x >= 0x80) {
    out.push((x & 0x7f) | 0x80)
    x >>>= 7
  }
  out.push(x)
}

const readVarint = (bytes: Uint8Array, at: { i: number }): number => {
  let n = 0
  let shift = 0
  while (true) {
    const b = bytes[at.i++]
    if (b === undefined) throw new Error("metrics chunk ends inside a varint")
    n |= (b & 0x7f) << shift
    if (b < 0x80) return n >>> 0
    shift += 7
  }
}

const float32 = (out: number[], v: number): void => {
  const b = new Uint8Array(new Float32Array([v]).buffer)
  out.push(b[0]!, b[1]!, b[2]!, b[3]!)
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** The bytes to append to an hour's chunk for samples of that hour (little-endian float32). */
export function encodeSamples(hour: number, samples: ReadonlyArray<Sample>): Uint8Array {
  const out: number[] = []
  for (const s of samples) {
    const offset = Math.round((s.t - hour) / 1000)
    if (offset < 0 || offset >= HOUR_MS / 1000) throw new Error(`sample at ${s.t} is outside hour ${hour}`)
    writeVarint(out, offset)
    float32(out, s.v)
  }
  return Uint8Array.from(out)
}

/** The samples of an hour's chunk, in the order they were appended. */
export function decodeSamples(hour: number, bytes: Uint8Array): Sample[] {
  const out: Sample[] = []
  const dv = view(bytes)
  const at = { i: 0 }
  while (at.i < bytes.length) {
    const offset = readVarint(bytes, at)
    out.push({ t: hour + offset * 1000, v: dv.getFloat32(at.i, true) })
    at.i += 4
  }
  return out
}

/** The bytes to append to a day's rollup chunk at `stepMs` for buckets of that day. */
export function encodeBuckets(day: number, stepMs: number, buckets: ReadonlyArray<Bucket>): Uint8Array {
  const out: number[] = []
  for (const b of buckets) {
    writeVarint(out, Math.round((b.t - day) / stepMs))
    float32(out, b.min)
    float32(out, b.avg)
    float32(out, b.max)
  }
  return Uint8Array.from(out)
}

export function decodeBuckets(day: number, stepMs: number, bytes: Uint8Array): Bucket[] {
  const out: Bucket[] = []
  const dv = view(bytes)
  const at = { i: 0 }
  while (at.i < bytes.length) {
    const index = readVarint(bytes, at)
    out.push({
      t: day + index * stepMs,
      min: dv.getFloat32(at.i, true),
      avg: dv.getFloat32(at.i + 4, true),
      max: dv.getFloat32(at.i + 8, true)
    })
    at.i += 12
  }
  return out
}

/**
 * Min/avg/max of samples per `stepMs` bucket, buckets in time order. A bucket's average is of
 * its samples (not time-weighted): the collector samples at a fixed interval.
 */
export function rollup(samples: ReadonlyArray<Sample>, stepMs: number): Bucket[] {
  const byStart = new Map<number, { min: number; max: number; sum: number; n: number }>()
  for (const s of samples) {
    const start = Math.floor(s.t / stepMs) * stepMs
    const b = byStart.get(start)
    if (!b) byStart.set(start, { min: s.v, max: s.v, sum: s.v, n: 1 })
    else {
      b.min = Math.min(b.min, s.v)
      b.max = Math.max(b.max, s.v)
      b.sum += s.v
      b.n++
    }
  }
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, b]) => ({ t, min: b.min, avg: b.sum / b.n, max: b.max }))
}
