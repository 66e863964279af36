/** @module Numbers as people read them, for the console and the server's messages. */
import type { ResourceKind } from "./types"

const trim = (n: number) =>
  Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1).replace(/\.?0+$/, "")

/** cores / MiB / Mbit/s as a short text with its unit. */
export const formatAmount = (kind: ResourceKind, n: number): string => {
  if (kind === "cpu") return trim(n)
  if (kind === "network") return n >= 1000 ? `${trim(n / 1000)} Gbit/s` : `${trim(n)} Mbit/s`
  if (n >= 1024 * 1024) return `${trim(n / 1024 / 1024)} TiB`
  if (n >= 1024) return `${trim(n / 1024)} GiB`
  return `${trim(n)} MiB`
}

/** Used over hard as a share from 0 to 1 (a zero quota is full once anything is used). */
export const share = (used: number, hard: number) =>
  hard <= 0 ? (used > 0 ? 1 : 0) : Math.min(1, used / hard)
