import { describe, expect, it } from "vitest"
import { extent, valueAxis } from "./axis"

const MiB = 1024 ** 2
const GiB = 1024 ** 3

/** What the user reads beside the chart, bottom to top. */
const labels = (axis: ReturnType<typeof valueAxis>) => axis.labels.join(" / ")

/** Every step between ticks is the same. */
const evenlySpaced = (ticks: ReadonlyArray<number>) =>
  new Set(ticks.slice(1).map((t, i) => Math.round((t - ticks[i]!) * 1e9))).size === 1

describe("a metrics chart's value axis", () => {
  it("steps a pod's memory up to 400 MiB by 128 MiB, the top tick above the peak", () => {
    const axis = valueAxis("memory", { min: 150 * MiB, max: 400 * MiB })
    expect(labels(axis)).toBe("0 / 128 MiB / 256 MiB / 384 MiB / 512 MiB")
    expect([axis.min, axis.max]).toEqual([0, 512 * MiB])
    expect(axis.ticks).toEqual(axis.ticks.map((_, i) => i * 128 * MiB))
    expect(axis.format(190.4 * MiB)).toBe("190 MiB")
  })

  it("steps 700 MiB by 256 MiB, a step a memory limit is often set to", () => {
    expect(labels(valueAxis("memory", { min: 0, max: 700 * MiB }))).toBe("0 / 256 MiB / 512 MiB / 768 MiB")
  })

  it("writes a host's 0–3.5 GiB in whole GiB, and the tooltip in GiB too", () => {
    const axis = valueAxis("memory", { min: 1.1 * GiB, max: 3.5 * GiB })
    expect(axis.unit).toBe("GiB")
    expect(labels(axis)).toBe("0 / 1 GiB / 2 GiB / 3 GiB / 4 GiB")
    expect(axis.format(1.234 * GiB)).toBe("1.23 GiB")
    expect(axis.format(300 * MiB)).toBe("0.29 GiB")
  })

  it("keeps one unit when the top crosses into the next: 0–1.2 GiB in half GiB", () => {
    expect(labels(valueAxis("memory", { min: 0, max: 1.2 * GiB }))).toBe("0 / 0.5 GiB / 1.0 GiB / 1.5 GiB")
    expect(labels(valueAxis("memory", { min: 0, max: 1000 * MiB }))).toBe(
      "0 / 0.25 GiB / 0.50 GiB / 0.75 GiB / 1.00 GiB"
    )
  })

  it("writes a pod's CPU under one core in cores at one precision, not in millicores", () => {
    const axis = valueAxis("cpu", { min: 0.02, max: 0.19 })
    expect(axis.unit).toBe("cores")
    expect(labels(axis)).toBe("0 / 0.05 cores / 0.10 cores / 0.15 cores / 0.20 cores")
    expect(axis.format(0.187)).toBe("0.187 cores")
  })

  it("writes a host's 15.8 cores in whole cores, the tooltip to the hundredth like the host page", () => {
    const axis = valueAxis("cpu", { min: 0.5, max: 15.8 })
    expect(labels(axis)).toBe("0 / 5 cores / 10 cores / 15 cores / 20 cores")
    expect(axis.format(3.456)).toBe("3.46 cores")
    expect(axis.format(0.19)).toBe("0.19 cores")
  })

  it("says cores in the reader's language", () => {
    const axis = valueAxis("cpu", { min: 0, max: 0.19 }, (amount) => `${amount} 核`)
    expect(labels(axis)).toBe("0 / 0.05 核 / 0.10 核 / 0.15 核 / 0.20 核")
    expect(axis.format(0.1)).toBe("0.100 核")
  })

  it("writes network in one decimal unit with round steps", () => {
    expect(labels(valueAxis("network", { min: 0, max: 3.3e6 }))).toBe(
      "0 / 1 Mbit/s / 2 Mbit/s / 3 Mbit/s / 4 Mbit/s"
    )
    expect(labels(valueAxis("network", { min: 0, max: 9e5 }))).toBe(
      "0 / 0.25 Mbit/s / 0.50 Mbit/s / 0.75 Mbit/s / 1.00 Mbit/s"
    )
  })

  it("writes storage in one binary unit", () => {
    expect(labels(valueAxis("storage", { min: 12 * GiB, max: 500 * GiB }))).toBe(
      "0 / 128 GiB / 256 GiB / 384 GiB / 512 GiB"
    )
  })

  it("draws an empty chart, or one that stays at zero, from 0 to one of its unit", () => {
    expect(labels(valueAxis("memory", extent([[], [null]])))).toBe(
      "0 / 0.25 GiB / 0.50 GiB / 0.75 GiB / 1.00 GiB"
    )
    expect(labels(valueAxis("cpu", { min: 0, max: 0 }))).toBe(
      "0 / 0.25 cores / 0.50 cores / 0.75 cores / 1.00 cores"
    )
  })

  it("draws a constant line below the top tick", () => {
    const axis = valueAxis("memory", extent([[300 * MiB, 300 * MiB, null, 300 * MiB]]))
    expect(labels(axis)).toBe("0 / 128 MiB / 256 MiB / 384 MiB")
  })

  it("gives a tiny CPU range millicore steps, still written in cores", () => {
    expect(labels(valueAxis("cpu", { min: 0, max: 0.003 }))).toBe(
      "0 / 0.001 cores / 0.002 cores / 0.003 cores"
    )
  })

  it("always steps evenly, in one unit, with the peak under the top tick", () => {
    for (const [quantity, max] of [
      ["memory", 190 * MiB],
      ["memory", 63 * GiB],
      ["memory", 5000],
      ["cpu", 0.07],
      ["cpu", 2.2],
      ["cpu", 120],
      ["network", 123_456],
      ["storage", 2.5 * 1024 * GiB]
    ] as const) {
      const axis = valueAxis(quantity, { min: 0, max })
      expect(evenlySpaced(axis.ticks), `${quantity} ${max}`).toBe(true)
      expect(axis.max).toBeGreaterThanOrEqual(max)
      expect(axis.ticks.length).toBeGreaterThanOrEqual(3)
      for (const label of axis.labels.slice(1)) expect(label.endsWith(` ${axis.unit}`)).toBe(true)
    }
  })
})

describe("the extent of a chart's lines", () => {
  it("skips gaps", () => {
    expect(
      extent([
        [null, 3, 1],
        [undefined, 7]
      ])
    ).toEqual({ min: 1, max: 7 })
  })
})
