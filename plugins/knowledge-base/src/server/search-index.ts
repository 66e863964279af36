/**
 * @module The in-memory search index (flexsearch 0.8), free of the database so the
 * benchmark and the manuals and FAQ searches use the same code. Two flexsearch indexes:
 * all text (title, tags, body) decides what matches and the total; titles alone rank
 * title matches first. Query words that match nothing are completed (prefixes) or
 * corrected (typos) against the indexed vocabulary before searching.
 */
import { Index } from "flexsearch"
import { encodeText, isHan } from "./text"

/** What a document is filtered by; the index keeps only this, not the text. */
export interface DocFacets {
  readonly product: string
  readonly version: string
  readonly locale: string
  readonly tags: ReadonlyArray<string>
}

export interface IndexedDoc extends DocFacets {
  readonly id: string
  readonly title: string
  /** Everything else that should match: body as plain text, tags. */
  readonly text: string
}

export interface IndexQuery {
  readonly q: string
  readonly product?: string | undefined
  readonly version?: string | undefined
  readonly locale?: string | undefined
  readonly tag?: string | undefined
  readonly limit: number
  readonly offset: number
  /** Rank documents by how many of the words they have, instead of requiring all. */
  readonly anyTerms?: boolean
}

export interface IndexHits {
  readonly ids: ReadonlyArray<string>
  readonly total: number
  /** No document had every term: these are the best partial matches. */
  readonly partial: boolean
  /** The terms searched for, after completion and correction, for highlighting. */
  readonly terms: ReadonlySet<string>
}

/** How many matches a query considers at most; totals above it are reported as this cap. */
export const MATCH_CAP = 1000

// "strict" with our own encoder: whole terms, Chinese as bigrams. `context` (phrase
// proximity) was measured: it costs memory and lowered recall on the judged set.
// flexsearch encodes each added text once; `put` needs the same terms for the vocabulary,
// so the last result is kept rather than computed twice (it halves build time).
let last: { text: string; terms: string[] } = { text: "", terms: [] }
const encodeOnce = (text: string) => {
  if (text !== last.text) last = { text, terms: encodeText(text) }
  return last.terms
}
const options = { tokenize: "strict", encode: encodeOnce, resolution: 9 } as const

/** Damerau–Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1)
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

export class SearchIndex {
  // Finer position scoring for the long text: earlier mentions rank higher.
  private readonly all = new Index({ ...options, resolution: 20 })
  private readonly titles = new Index(options)
  /** flexsearch keeps numbers more compactly than uuids: documents get a small number. */
  private readonly numberOf = new Map<string, number>()
  private readonly idOf: Array<string | undefined> = []
  private readonly facets: Array<DocFacets | undefined> = []
  /**
   * Latin terms and in how many documents they appeared, for completion and correction.
   * It only grows: a term whose last document was deleted can still be suggested and then
   * matches nothing, which costs a lookup, not a wrong answer.
   */
  private readonly vocabulary = new Map<string, number>()
  private readonly expansions = new Map<string, ReadonlyArray<string>>()

  get size() {
    return this.numberOf.size
  }

  has(id: string) {
    return this.numberOf.has(id)
  }

  /** Add or replace a document. */
  put(doc: IndexedDoc) {
    let n = this.numberOf.get(doc.id)
    if (n === undefined) {
      n = this.idOf.length
      this.idOf.push(doc.id)
      this.numberOf.set(doc.id, n)
    } else {
      this.all.remove(n)
      this.titles.remove(n)
    }
    this.facets[n] = { product: doc.product, version: doc.version, locale: doc.locale, tags: doc.tags }
    const text = `${doc.title}\n${doc.tags.join(" ")}\n${doc.text}`
    this.all.add(n, text)
    this.titles.add(n, doc.title)
    for (const term of new Set(encodeOnce(text))) {
      if (!isHan(term)) this.vocabulary.set(term, (this.vocabulary.get(term) ?? 0) + 1)
    }
    this.expansions.clear()
  }

  remove(id: string) {
    const n = this.numberOf.get(id)
    if (n === undefined) return
    this.all.remove(n)
    this.titles.remove(n)
    this.numberOf.delete(id)
    this.idOf[n] = undefined
    this.facets[n] = undefined
  }

  /** The terms to search for one query word: itself if known, else completions or corrections. */
  private expand(term: string): ReadonlyArray<string> {
    if (isHan(term) || this.vocabulary.has(term) || term.length < 3) return [term]
    const cached = this.expansions.get(term)
    if (cached) return cached
    const byFrequency = (a: [string, number], b: [string, number]) => b[1] - a[1]
    const completions: Array<[string, number]> = []
    for (const entry of this.vocabulary) if (entry[0].startsWith(term)) completions.push(entry)
    let found: ReadonlyArray<readonly [string, ...number[]]> = completions.sort(byFrequency).slice(0, 3)
    if (found.length === 0) {
      const max = term.length <= 5 ? 1 : 2
      const near: Array<[string, number, number]> = []
      for (const [word, count] of this.vocabulary) {
        const d = editDistance(term, word, max)
        if (d <= max) near.push([word, count, d])
      }
      found = near.sort((a, b) => a[2] - b[2] || b[1] - a[1]).slice(0, 2)
    }
    const result = found.length > 0 ? found.map(([w]) => w) : [term]
    if (this.expansions.size > 5000) this.expansions.clear()
    this.expansions.set(term, result)
    return result
  }

  private matches(query: IndexQuery) {
    return (n: number) => {
      const f = this.facets[n]
      return (
        f !== undefined &&
        (!query.product || f.product === query.product) &&
        (!query.version || f.version === query.version) &&
        (!query.locale || f.locale === query.locale) &&
        (!query.tag || f.tags.includes(query.tag))
      )
    }
  }

  search(query: IndexQuery): IndexHits {
    const words = [...new Set(encodeOnce(query.q))]
    const alternatives = words.map((w) => this.expand(w))
    const terms = new Set(alternatives.flat())
    if (words.length === 0) return { ids: [], total: 0, partial: false, terms }
    // Each combination of alternatives is one AND query; at most a few (3 × 3 …, capped).
    let variants: string[][] = [[]]
    for (const alts of alternatives) {
      variants = variants.flatMap((v) => alts.map((a) => [...v, a])).slice(0, 6)
    }
    const keep = this.matches(query)
    const ranked: number[] = []
    const seen = new Set<number>()
    const collect = (ids: ReadonlyArray<unknown>) => {
      for (const id of ids as number[]) {
        if (!seen.has(id) && keep(id)) {
          seen.add(id)
          ranked.push(id)
        }
      }
    }
    if (!query.anyTerms) {
      for (const v of variants) collect(this.titles.search(v.join(" "), { limit: MATCH_CAP }))
      for (const v of variants) collect(this.all.search(v.join(" "), { limit: MATCH_CAP }))
    }
    let partial = false
    if (ranked.length === 0 && (words.length > 1 || query.anyTerms)) {
      partial = true
      for (const v of variants) collect(this.all.search(v.join(" "), { limit: MATCH_CAP, suggest: true }))
    }
    const page = ranked.slice(query.offset, query.offset + query.limit)
    return {
      ids: page.map((n) => this.idOf[n]!),
      total: Math.min(ranked.length, MATCH_CAP),
      partial,
      terms
    }
  }
}
