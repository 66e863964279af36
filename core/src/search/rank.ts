/**
 * @module Putting matches in order without sorting them all: a page needs the first few,
 * and a bucket (a small number) says where each match goes, so one counting pass orders a
 * group however large it is.
 */

export class Ranking {
  readonly ranked: number[] = []
  private readonly seen = new Set<number>()

  constructor(private readonly wanted: number) {}

  get full() {
    return this.ranked.length >= this.wanted
  }

  /**
   * Append a group of documents after those already ranked, ordered by bucket (each
   * below `buckets`) and, within one, as given; documents already ranked keep their place.
   */
  add(docs: ArrayLike<number>, keys: ArrayLike<number>, buckets: number) {
    if (this.full || docs.length === 0) return
    const starts = new Int32Array(buckets + 1)
    for (let i = 0; i < keys.length; i++) starts[keys[i]! + 1] = starts[keys[i]! + 1]! + 1
    for (let k = 0; k < buckets; k++) starts[k + 1] = starts[k + 1]! + starts[k]!
    const ordered = new Int32Array(docs.length)
    for (let i = 0; i < docs.length; i++) {
      const key = keys[i]!
      ordered[starts[key]!] = docs[i]!
      starts[key] = starts[key]! + 1
    }
    for (const n of ordered) {
      if (this.full) return
      if (!this.seen.has(n)) {
        this.seen.add(n)
        this.ranked.push(n)
      }
    }
  }
}
