/**
 * @module Kubernetes resource quantities ("250m", "64Mi", "1.5G", "150000000n") as numbers:
 * CPU in millicores, everything else in plain units (bytes, pods).
 */

import { parseQuantity } from "@wharf/core/quantity"

/** The quantity as a plain number (cores for CPU, bytes for memory); 0 when absent, NaN when unreadable. */
export const quantity = (text: string | undefined | null): number =>
  text === undefined || text === null || text === "" ? 0 : parseQuantity(text)

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

/** "12.5 Mbit/s", "800 kbit/s": network throughput for people, in decimal units as links are sold. */
export const formatBitRate = (bitsPerSecond: number): string => {
  if (!Number.isFinite(bitsPerSecond)) return "—"
  const units = ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"]
  let v = bitsPerSecond
  let i = 0
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000
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

/**
 * CPU beside CPU: both in cores at one precision ("0.11 / 15.80"), so a used figure under
 * one core does not switch to millicores next to a total in cores ("110m / 15.8").
 */
export const formatCores = (milli: number, precisionOf = milli): string => {
  if (!Number.isFinite(milli)) return "—"
  return (milli / 1000).toFixed(precisionOf >= 100_000 ? 0 : 2)
}
