/**
 * @module Completion and typo correction of query words against the indexed vocabulary:
 * a word no document has is read as a prefix ("elastic" → "elasticsearch") or, failing
 * that, as a typo ("conection" → "connection").
 */
import { isHan } from "./text"

// Three rows of the distance table, reused: a correction compares a word with thousands.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)]

/** Damerau–Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2))
  let [before, previous, row] = rows as [Int32Array, Int32Array, Int32Array]
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1)
      row[j] = d
      if (d < best) best = d
    }
    if (best > max) return max + 1
    ;[before, previous, row] = [previous, row, before]
  }
  return previous[b.length]!
}

/** How far a word of this length may be from a correction of it. */
const maxDistance = (length: number) => (length <= 5 ? 1 : 2)

/** Numbers (case ids, versions, ports) are not corrected: a near number is another thing. */
const HAS_DIGIT = /\d/

export class WordExpander {
  /** Latin words (no digits) by length, so a correction only compares words of a near length. */
  private readonly byLength: string[][] = []
  private readonly cache = new Map<string, ReadonlyArray<string>>()

  /** `frequency` says how many documents have a term (0: none), to prefer common words. */
  constructor(private readonly frequency: (term: string) => number) {}

  /** A term seen for the first time: it may complete or correct words answered before. */
  learn(term: string) {
    if (isHan(term) || HAS_DIGIT.test(term)) return
    const sameLength = this.byLength[term.length]
    if (sameLength) sameLength.push(term)
    else this.byLength[term.length] = [term]
    for (const word of this.cache.keys()) {
      if (term.startsWith(word) || editDistance(word, term, maxDistance(word.length)) <= 2) {
        this.cache.delete(word)
      }
    }
  }

  /** The terms to search for one query word: itself if known, else completions or corrections. */
  expand(term: string): ReadonlyArray<string> {
    if (isHan(term) || term.length < 3 || HAS_DIGIT.test(term) || this.frequency(term) > 0) return [term]
    const cached = this.cache.get(term)
    if (cached) return cached
    const completions: Array<[string, number]> = []
    for (let length = term.length + 1; length < this.byLength.length; length++) {
      for (const word of this.byLength[length] ?? []) {
        const count = word.startsWith(term) ? this.frequency(word) : 0
        if (count > 0) completions.push([word, count])
      }
    }
    let found = completions
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([w]) => w)
    if (found.length === 0) {
      const max = maxDistance(term.length)
      const near: Array<[string, number, number]> = []
      for (let length = term.length - max; length <= term.length + max; length++) {
        for (const word of this.byLength[length] ?? []) {
          const d = editDistance(term, word, max)
          const count = d <= max ? this.frequency(word) : 0
          if (count > 0) near.push([word, count, d])
        }
      }
      found = near
        .sort((a, b) => a[2] - b[2] || b[1] - a[1])
        .slice(0, 2)
        .map(([w]) => w)
    }
    const result = found.length > 0 ? found : [term]
    if (this.cache.size > 5000) this.cache.clear()
    this.cache.set(term, result)
    return result
  }
}
