import { describe, expect, it } from "vitest"
import { decodeBuckets, decodeSamples, encodeBuckets, encodeSamples, HOUR_MS, hourOf, rollup } from "./codec"

const hour = hourOf(Date.UTC(2026, 11, 5, 14, 20))

describe("raw chunks", () => {
  it("round-trips an hour of 15 s samples at float32 precision, 6 bytes a sample", () => {
    const samples = Array.from({ length: 240 }, (_, i) => ({ t: hour + i * 15_000, v: 0.123 + i * 1e-3 }))
    const bytes = encodeSamples(hour, samples)
    expect(bytes.length).toBeLessThanOrEqual(240 * 6)
    const back = decodeSamples(hour, bytes)
    expect(back.map((s) => s.t)).toEqual(samples.map((s) => s.t))
    for (const [i, s] of back.entries()) expect(s.v).toBeCloseTo(samples[i]!.v, 5)
  })

  it("decodes appended pieces as one chunk (the collector appends a cycle at a time)", () => {
    const a = encodeSamples(hour, [{ t: hour, v: 1 }])
    const b = encodeSamples(hour, [{ t: hour + 3_599_000, v: 2 ** 30 }])
    const joined = new Uint8Array([...a, ...b])
    expect(decodeSamples(hour, joined)).toEqual([
      { t: hour, v: 1 },
      { t: hour + 3_599_000, v: 2 ** 30 }
    ])
  })

  it("refuses a sample outside its hour", () => {
    expect(() => encodeSamples(hour, [{ t: hour + HOUR_MS, v: 1 }])).toThrow(/outside hour/)
  })
})

describe("rollups", () => {
  it("gives min, avg and max per 5-min bucket and round-trips them", () => {
    const samples = Array.from({ length: 40 }, (_, i) => ({ t: hour + i * 15_000, v: i }))
    const buckets = rollup(samples, 300_000)
    expect(buckets).toEqual([
      { t: hour, min: 0, avg: 9.5, max: 19 },
      { t: hour + 300_000, min: 20, avg: 29.5, max: 39 }
    ])
    const day = Date.UTC(2026, 11, 5)
    expect(decodeBuckets(day, 300_000, encodeBuckets(day, 300_000, buckets))).toEqual(buckets)
  })
})
