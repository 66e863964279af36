/**
 * @module Kubernetes resource quantities ("250m", "64Mi", "1.5G", "150000000n") as numbers:
 * CPU in millicores, everything else in plain units (bytes, pods).
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
}
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18
}

/** The quantity as a plain number (cores for CPU, bytes for memory); NaN when unreadable. */
export const quantity = (text: string | undefined | null): number => {
  if (text === undefined || text === null || text === "") return 0
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(String(text).trim())
  if (!m) return Number.NaN
  const n = Number(m[1])
  const suffix = m[2] ?? ""
  const factor = BINARY[suffix] ?? DECIMAL[suffix]
  return factor === undefined ? Number.NaN : n * factor
}

export const millicores = (text: string | undefined | null) => Math.round(quantity(text) * 1000)

/** "1.5 GiB", "512 MiB": bytes for people. */
export const formatBytes = (bytes: number): string => {
  if (!Number.isFinite(bytes)) return "—"
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
  let v = bytes
  let i = 0
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`
}

/** Millicores for people: "250m" below one core, "1.25" cores above. */
export const formatCpu = (milli: number): string => {
  if (!Number.isFinite(milli)) return "—"
  if (milli < 1000) return `${Math.round(milli)}m`
  const cores = milli / 1000
  return cores >= 100 ? String(Math.round(cores)) : String(Math.round(cores * 100) / 100)
}
