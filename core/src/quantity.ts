/**
 * @module Kubernetes resource quantities ("250m", "64Mi", "1.5G", "150000000n") read as numbers.
 * One parser for every reader of a cluster (the clusters plugin and the kube-sim fixture), so a
 * quantity means the same to the simulator and to the console that shows it.
 */

/** The binary suffixes, smallest first: "64Gi" is 64 × 2^30. */
export const BINARY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
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

/** A quantity in its base unit (cores, bytes, count); a number passes through; NaN when unreadable. */
export const parseQuantity = (q: unknown): number => {
  if (typeof q === "number") return q
  if (typeof q !== "string") return Number.NaN
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(q.trim())
  if (!m) return Number.NaN
  const factor = BINARY_SUFFIXES[m[2] ?? ""] ?? DECIMAL_SUFFIXES[m[2] ?? ""]
  return factor === undefined ? Number.NaN : Number(m[1]) * factor
}
