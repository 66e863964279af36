/**
 * @module The value axis of a metrics chart: one unit for the whole axis, chosen from its
 * range, and evenly spaced ticks that are round in that unit (0 / 128 MiB / 256 MiB,
 * 0 / 0.05 / 0.10 cores, 0 / 1 GiB / 2 GiB). The tooltip writes values in the same unit.
 * CPU stays in cores at every size, as the host page writes it ("0.19 / 15.80").
 */

/** What a chart shows: CPU in cores, memory and storage in bytes, network in bit/s. */
export type Quantity = "cpu" | "memory" | "storage" | "network"

/** How "0.05" cores is written in the reader's language ("0.05 cores", "0.05 核"). */
export type CoresText = (amount: string) => string

export interface ValueAxis {
  /** The unit every label is written in: "cores", "MiB", "Mbit/s". */
  readonly unit: string
  /** The scale's ends, in the data's own units (cores, bytes, bit/s): the ticks' first and last. */
  readonly min: number
  readonly max: number
  /** The ticks (uPlot's `splits`), evenly spaced. */
  readonly ticks: ReadonlyArray<number>
  readonly labels: ReadonlyArray<string>
  /** A value as the tooltip writes it: in `unit`, a little finer than the ticks. */
  readonly format: (value: number) => string
}

interface Ladder {
  /** Units smallest first, each `base` times the one before. */
  readonly units: ReadonlyArray<string>
  readonly base: number
  /** Steps round in binary units (128 MiB, 1 GiB) or in decimal ones (0.05 cores, 2.5 Mbit/s). */
  readonly binary: boolean
  /** The finest step worth drawing, in the data's units. */
  readonly finest: number
  /** The axis of a chart with nothing above zero. */
  readonly emptyMax: number
}

const BYTES: Ladder = {
  units: ["B", "KiB", "MiB", "GiB", "TiB", "PiB"],
  base: 1024,
  binary: true,
  finest: 1,
  emptyMax: 1024 ** 3
}
const LADDERS: Record<Quantity, Ladder> = {
  cpu: { units: ["cores"], base: 1, binary: false, finest: 0.001, emptyMax: 1 },
  memory: BYTES,
  storage: BYTES,
  network: {
    units: ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"],
    base: 1000,
    binary: false,
    finest: 1,
    emptyMax: 1e6
  }
}

/** Intervals a chart 200 px high has room for. */
const INTERVALS = 4

/** The smallest round step at least `raw`: a power of two, or 1, 2, 2.5 or 5 times a power of ten. */
const roundStep = (raw: number, binary: boolean) => {
  if (binary) return 2 ** Math.ceil(Math.log2(raw) - 1e-9)
  const decade = 10 ** Math.floor(Math.log10(raw))
  return [1, 2, 2.5, 5, 10].map((m) => m * decade).find((s) => s >= raw * (1 - 1e-9))!
}

/** The fewest decimals that write `x` exactly (0.25 → 2, 2.5 → 1, 128 → 0). */
const decimalsOf = (x: number) => {
  let d = 0
  while (d < 6 && Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) > 1e-6) d++
  return d
}

/**
 * The axis for data between `min` and `max` (undefined when the chart has no values).
 * It starts at zero, or at the first tick below a negative `min`.
 */
export const valueAxis = (
  quantity: Quantity,
  range: { readonly min: number | undefined; readonly max: number | undefined },
  cores: CoresText = (amount) => `${amount} cores`
): ValueAxis => {
  const ladder = LADDERS[quantity]
  const low = Math.min(0, Number.isFinite(range.min) ? range.min! : 0)
  const high = Math.max(0, Number.isFinite(range.max) ? range.max! : 0)
  const top = high > low ? high : low + ladder.emptyMax
  const step = roundStep(Math.max(ladder.finest, (top - low) / INTERVALS), ladder.binary)
  // Multiples of the step written to its decimals: 0.15, not 0.15000000000000002.
  const multiple = (n: number) => Number((n * step).toFixed(decimalsOf(step)))
  const first = Math.floor(low / step + 1e-9)
  const last = Math.ceil(top / step - 1e-9)
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => multiple(first + i))
  const [min, max] = [ticks[0]!, ticks[ticks.length - 1]!]

  const size = Math.max(Math.abs(min), Math.abs(max))
  let level = 0
  while (level < ladder.units.length - 1 && size >= ladder.base ** (level + 1)) level++
  const factor = ladder.base ** level
  const unit = ladder.units[level]!
  const withUnit = (amount: string) => (quantity === "cpu" ? cores(amount) : `${amount} ${unit}`)

  const tickDecimals = decimalsOf(step / factor)
  // About three significant digits for the largest values; CPU at least to the hundredth, like the host page.
  const valueDecimals = Math.min(
    6,
    Math.max(tickDecimals, quantity === "cpu" ? 2 : 0, 2 - Math.floor(Math.log10(size / factor)))
  )
  return {
    unit,
    min,
    max,
    ticks,
    labels: ticks.map((v) => (v === 0 ? "0" : withUnit((v / factor).toFixed(tickDecimals)))),
    format: (value) => withUnit((value / factor).toFixed(valueDecimals))
  }
}

/** The smallest and largest value of some series, ignoring gaps. */
export const extent = (series: ReadonlyArray<ReadonlyArray<number | null | undefined>>) => {
  let min: number | undefined
  let max: number | undefined
  for (const values of series)
    for (const v of values) {
      if (v == null || !Number.isFinite(v)) continue
      min = min === undefined || v < min ? v : min
      max = max === undefined || v > max ? v : max
    }
  return { min, max }
}
