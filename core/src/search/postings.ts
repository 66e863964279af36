/**
 * @module The inverted index: for each term, the documents that contain it (ascending
 * numbers in typed arrays) and where it first occurs in each, as a position slot in the
 * whole text and in the title. Slots are scored exactly as flexsearch 0.8 scores them
 * (tokenize "strict", resolution 20 for the text and 9 for titles), which this index
 * replaced: flexsearch walked every posting of every query term through a dictionary to
 * intersect them, and at 100k articles that was most of a query's time (see
 * docs/benchmarks.md, "Search"). Here the shortest list leads and the others are searched.
 */

export const TEXT_RESOLUTION = 20
export const TITLE_RESOLUTION = 9
const NOT_IN_TITLE = 255
/** A match's rank bucket: (slot, index of the query term that completed it); lower first. */
export const BUCKETS = 32 * 32

/**
 * flexsearch's position score (0 best): the first word gets slot 0, then positions are
 * spread over `resolution` slots, so an early mention ranks before a late one.
 */
export const slotOf = (resolution: number, length: number, i: number) =>
  i === 0 || resolution <= 1 ? 0 : length <= resolution ? i : (((resolution - 1) / length) * i + 1) | 0

/** The slot in the text, and in the title (or none), of a term in one document. */
export const packSlots = (text: number, title: number | undefined) => text | ((title ?? NOT_IN_TITLE) << 8)

interface PostingList {
  docs: Int32Array
  /** Per document, `packSlots(text, title)`. */
  slots: Uint16Array
  length: number
}

/** Documents still searchable and passing the query's filters. */
export type Accept = (n: number) => boolean

/** A document having every term: its bucket by the whole text, and by the title (-1: not all in it). */
export type OnMatch = (n: number, textBucket: number, titleBucket: number) => void

export class Postings {
  private readonly lists = new Map<string, PostingList>()
  private highest = -1
  // Scratch for partial matches, per document number; zeroed again after each use.
  private hits = new Uint8Array(0)
  private last = new Int16Array(0)

  /**
   * Record document `n`'s distinct terms with their packed slots; `n` exceeds every
   * earlier one. Returns the terms no document had before.
   */
  add(n: number, terms: ReadonlyMap<string, number>): string[] {
    this.highest = Math.max(this.highest, n)
    const added: string[] = []
    for (const [term, slots] of terms) {
      let list = this.lists.get(term)
      if (list === undefined) {
        list = { docs: new Int32Array(2), slots: new Uint16Array(2), length: 0 }
        this.lists.set(term, list)
        added.push(term)
      } else if (list.length === list.docs.length) {
        const docs = new Int32Array(list.length * 2)
        const packed = new Uint16Array(list.length * 2)
        docs.set(list.docs)
        packed.set(list.slots)
        list.docs = docs
        list.slots = packed
      }
      list.docs[list.length] = n
      list.slots[list.length] = slots
      list.length++
    }
    return added
  }

  /** How many documents (live or since replaced, until compacted) contain the term. */
  frequency(term: string) {
    return this.lists.get(term)?.length ?? 0
  }

  /** Drop the numbers of replaced and deleted documents, and terms left without any. */
  compact(alive: (n: number) => boolean) {
    for (const [term, list] of this.lists) {
      let kept = 0
      for (let i = 0; i < list.length; i++) {
        if (!alive(list.docs[i]!)) continue
        list.docs[kept] = list.docs[i]!
        list.slots[kept] = list.slots[i]!
        kept++
      }
      if (kept === 0) this.lists.delete(term)
      else if (kept < list.length) {
        list.docs = list.docs.slice(0, Math.max(2, kept))
        list.slots = list.slots.slice(0, Math.max(2, kept))
        list.length = kept
      }
    }
  }

  /**
   * Each accepted document with every one of `terms` (distinct, in query order), in
   * ascending number. Its bucket is when flexsearch would have found it complete: the
   * latest slot among its terms, then the last query term in that slot.
   */
  matchAll(terms: ReadonlyArray<string>, accept: Accept, onMatch: OnMatch) {
    const lists: Array<{ list: PostingList; x: number }> = []
    for (const [x, term] of terms.entries()) {
      const list = this.lists.get(term)
      if (list === undefined) return
      lists.push({ list, x })
    }
    lists.sort((a, b) => a.list.length - b.list.length)
    const [lead, ...rest] = lists
    if (lead === undefined) return
    const at = new Int32Array(lists.length)
    outer: for (let i = 0; i < lead.list.length; i++) {
      const n = lead.list.docs[i]!
      at[0] = i
      for (let j = 0; j < rest.length; j++) {
        const list = rest[j]!.list
        const found = seek(list, at[j + 1]!, n)
        at[j + 1] = found
        if (found >= list.length) break outer
        if (list.docs[found] !== n) continue outer
      }
      if (!accept(n)) continue
      let text = -1
      let title = -1
      let inTitle = true
      for (let j = 0; j < lists.length; j++) {
        const { list, x } = lists[j]!
        const packed = list.slots[at[j]!]!
        text = Math.max(text, bucket(packed & 0xff, x))
        const titleSlot = packed >> 8
        if (titleSlot === NOT_IN_TITLE) inTitle = false
        else title = Math.max(title, bucket(titleSlot, x))
      }
      onMatch(n, text, inTitle ? title : -1)
    }
  }

  /**
   * Each accepted document with at least one of `terms`, in ascending number, with its
   * rank key: fewer of the terms ranks later, then its bucket when it had them all (as
   * flexsearch's suggestions). Keys are below `terms.length × BUCKETS`.
   */
  matchSome(terms: ReadonlyArray<string>, accept: Accept): { docs: Int32Array; keys: Int32Array } {
    if (this.hits.length <= this.highest) {
      this.hits = new Uint8Array(this.highest + 1)
      this.last = new Int16Array(this.highest + 1)
    }
    const hits = this.hits
    const last = this.last
    let low = Number.POSITIVE_INFINITY
    let high = -1
    for (const [x, term] of terms.entries()) {
      const list = this.lists.get(term)
      if (list === undefined || list.length === 0) continue
      const { docs, slots } = list
      const at = Math.min(x, 31)
      for (let i = 0; i < list.length; i++) {
        const n = docs[i]!
        if (hits[n]! < 255) hits[n] = hits[n]! + 1
        const b = (slots[i]! & 0xff) * 32 + at
        if (b > last[n]!) last[n] = b
      }
      low = Math.min(low, docs[0]!)
      high = Math.max(high, docs[list.length - 1]!)
    }
    const most = Math.min(terms.length, 255)
    const docs = new Int32Array(Math.max(0, high - low + 1))
    const keys = new Int32Array(docs.length)
    let found = 0
    for (let n = low; n <= high; n++) {
      const count = hits[n]!
      if (count === 0) continue
      if (accept(n)) {
        docs[found] = n
        keys[found] = (most - Math.min(count, most)) * BUCKETS + last[n]!
        found++
      }
      hits[n] = 0
      last[n] = 0
    }
    return { docs: docs.subarray(0, found), keys: keys.subarray(0, found) }
  }
}

const bucket = (slot: number, x: number) => slot * 32 + Math.min(x, 31)

/** The first index at or after `from` whose number is ≥ `n` (exponential, then binary search). */
const seek = (list: PostingList, from: number, n: number): number => {
  const docs = list.docs
  if (from >= list.length || docs[from]! >= n) return from
  let step = 1
  let low = from
  let high = from + 1
  while (high < list.length && docs[high]! < n) {
    low = high
    step *= 2
    high = from + step
  }
  high = Math.min(high, list.length)
  while (low + 1 < high) {
    const mid = (low + high) >>> 1
    if (docs[mid]! < n) low = mid
    else high = mid
  }
  return high
}
