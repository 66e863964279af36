/**
 * @module The in-memory search index, free of the database so the benchmark and the
 * manuals and FAQ searches use the same code. Documents are ranked as flexsearch 0.8
 * ranked them (tokenize "strict", our encoder, position slots): every query word
 * required; title matches first, then the rest, each by how early the words occur. Query
 * words that match nothing are completed (prefixes) or corrected (typos) against the
 * indexed vocabulary first. If no document has every word, documents with the most of them
 * are returned as a partial answer. Totals are exact and every page reachable: each match
 * is counted and bucketed, and only as many as the requested page needs are ordered.
 */
import { WordExpander } from "./expand"
import {
  type Accept,
  BUCKETS,
  Postings,
  packSlots,
  slotOf,
  TEXT_RESOLUTION,
  TITLE_RESOLUTION
} from "./postings"
import { Ranking } from "./rank"
import { encodeText } from "./text"

export { editDistance } from "./expand"
export { encodeText, highlight, isHan, plainText, type Segment, snippet, stem } from "./text"

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
  /** The tags as the document's readers name them (labels in its language); else the tags. */
  readonly tagWords?: string
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
  /** Every matching document (passing the filters), not only the ranked ones. */
  readonly total: number
  /** No document had every term: these are the best partial matches. */
  readonly partial: boolean
  /** The terms searched for, after completion and correction, for highlighting. */
  readonly terms: ReadonlySet<string>
}

/** Replaced and deleted documents tolerated in the posting lists before they are compacted. */
const MAX_RETIRED_SHARE = 0.25

/** A term's first position in each part of a document, packed (see postings.ts). */
const termSlots = (text: string[], title: string[]) => {
  const inTitle = new Map<string, number>()
  for (const [i, term] of title.entries()) {
    if (!inTitle.has(term)) inTitle.set(term, slotOf(TITLE_RESOLUTION, title.length, i))
  }
  const slots = new Map<string, number>()
  for (const [i, term] of text.entries()) {
    if (!slots.has(term))
      slots.set(term, packSlots(slotOf(TEXT_RESOLUTION, text.length, i), inTitle.get(term)))
  }
  return slots
}

export class SearchIndex {
  private readonly postings = new Postings()
  private readonly expander = new WordExpander((term) => this.postings.frequency(term))
  /**
   * Each version of a document gets the next number, so posting lists stay ascending
   * and are only appended to; a replaced version's number is retired.
   */
  private readonly numberOf = new Map<string, number>()
  private readonly idOf: Array<string | undefined> = []
  private readonly facets: Array<DocFacets | undefined> = []
  private retired = 0
  /** Per document number, the query that last counted it (no clearing between queries). */
  private counted = new Uint32Array(0)
  private query = 0

  get size() {
    return this.numberOf.size
  }

  has(id: string) {
    return this.numberOf.has(id)
  }

  /** Add or replace a document. */
  put(doc: IndexedDoc) {
    const old = this.numberOf.get(doc.id)
    if (old !== undefined) this.retire(old)
    const n = this.idOf.length
    this.idOf.push(doc.id)
    this.numberOf.set(doc.id, n)
    this.facets[n] = { product: doc.product, version: doc.version, locale: doc.locale, tags: doc.tags }
    const slots = termSlots(
      encodeText(`${doc.title}\n${doc.tagWords ?? doc.tags.join(" ")}\n${doc.text}`),
      encodeText(doc.title)
    )
    for (const term of this.postings.add(n, slots)) this.expander.learn(term)
  }

  remove(id: string) {
    const n = this.numberOf.get(id)
    if (n === undefined) return
    this.numberOf.delete(id)
    this.retire(n)
  }

  private retire(n: number) {
    this.idOf[n] = undefined
    this.facets[n] = undefined
    this.retired++
    if (this.retired > 100 && this.retired > MAX_RETIRED_SHARE * this.idOf.length) {
      this.postings.compact((m) => this.facets[m] !== undefined)
      this.retired = 0
    }
  }

  private accepts(query: IndexQuery): Accept {
    const { product, version, locale, tag } = query
    if (!product && !version && !locale && !tag) return (n) => this.facets[n] !== undefined
    return (n) => {
      const f = this.facets[n]
      return (
        f !== undefined &&
        (!product || f.product === product) &&
        (!version || f.version === version) &&
        (!locale || f.locale === locale) &&
        (!tag || f.tags.includes(tag))
      )
    }
  }

  /** A counter that counts each document once per query. */
  private counter() {
    if (this.counted.length < this.idOf.length || this.query === 0xffffffff) {
      this.counted = new Uint32Array(Math.max(1024, this.idOf.length * 2))
      this.query = 0
    }
    const stamp = ++this.query
    const counted = this.counted
    let total = 0
    return {
      count: (n: number) => {
        if (counted[n] !== stamp) {
          counted[n] = stamp
          total++
        }
      },
      get total() {
        return total
      }
    }
  }

  search(query: IndexQuery): IndexHits {
    const words = [...new Set(encodeText(query.q))]
    const alternatives = words.map((w) => this.expander.expand(w))
    const terms = new Set(alternatives.flat())
    if (words.length === 0) return { ids: [], total: 0, partial: false, terms }
    // Each combination of alternatives is one AND query; at most a few (3 × 3 …, capped).
    let variants: string[][] = [[]]
    for (const alts of alternatives) {
      variants = variants.flatMap((v) => alts.map((a) => [...v, a])).slice(0, 6)
    }
    const accept = this.accepts(query)
    const ranking = new Ranking(query.offset + query.limit)
    let total = query.anyTerms ? 0 : this.everyWord(variants, accept, ranking)
    let partial = false
    if (total === 0 && (words.length > 1 || query.anyTerms)) {
      total = this.someWords(variants, accept, ranking)
      partial = total > 0
    }
    const page = ranking.ranked.slice(query.offset, query.offset + query.limit)
    return { ids: page.map((n) => this.idOf[n]!), total, partial, terms }
  }

  /** Documents with every word of a variant: title matches of each variant, then text matches. */
  private everyWord(variants: ReadonlyArray<ReadonlyArray<string>>, accept: Accept, ranking: Ranking) {
    const counter = this.counter()
    const byText = variants.map((variant) => {
      const titleDocs: number[] = []
      const titleKeys: number[] = []
      const textDocs: number[] = []
      const textKeys: number[] = []
      this.postings.matchAll(variant, accept, (n, text, title) => {
        counter.count(n)
        textDocs.push(n)
        textKeys.push(text)
        if (title >= 0) {
          titleDocs.push(n)
          titleKeys.push(title)
        }
      })
      ranking.add(titleDocs, titleKeys, BUCKETS)
      return [textDocs, textKeys] as const
    })
    for (const [docs, keys] of byText) ranking.add(docs, keys, BUCKETS)
    return counter.total
  }

  /** Documents with some words of a variant, the most words first (flexsearch's "suggest"). */
  private someWords(variants: ReadonlyArray<ReadonlyArray<string>>, accept: Accept, ranking: Ranking) {
    const counter = this.counter()
    for (const variant of variants) {
      const { docs, keys } = this.postings.matchSome(variant, accept)
      ranking.add(docs, keys, variant.length * BUCKETS)
      // One variant (no typo or prefix alternatives) counts each document once already.
      if (variants.length === 1) return docs.length
      for (const n of docs) counter.count(n)
    }
    return counter.total
  }
}
