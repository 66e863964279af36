/**
 * @module How text becomes search terms, the same for documents and queries: Latin words
 * (lower-cased, stop words dropped, lightly stemmed) and Chinese as overlapping character
 * pairs (bigrams), because Chinese has no spaces and flexsearch's default tokenizer would
 * keep a whole run of Han characters as one token (see STACK.md, "Search").
 */

// Han ideographs (CJK unified, extension A, compatibility).
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff"
const RUN = new RegExp(`[a-z0-9]+|[${HAN}]+`, "g")
const ASCII = /^[^\u0080-\uffff]*$/

/** Whether a term is Chinese (by its first character; terms are never mixed). */
export const isHan = (s: string) => {
  const c = s.charCodeAt(0)
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
}

/** Words so common they only add noise, in queries like "Cannot get a connection". */
const STOP = new Set([
  "a",
  "an",
  "the",
  "of",
  "to",
  "in",
  "on",
  "at",
  "for",
  "and",
  "or",
  "is",
  "are",
  "be",
  "it",
  "by",
  "with",
  "as",
  "this",
  "that",
  "i",
  "we",
  "my",
  "do",
  "does",
  "how"
])

const stemOnce = (w: string): string => {
  if (w.length <= 4 || /\d/.test(w)) return w
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`
  if (w.endsWith("sses")) return w.slice(0, -2)
  if (w.endsWith("ing") && w.length - 3 >= 4) return w.slice(0, -3)
  if (w.endsWith("ed") && w.length > 5) return w.slice(0, -2)
  if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1)
  if (w.endsWith("e")) return w.slice(0, -1)
  return w
}

/** Stems already computed: articles repeat their words, and an index build stems millions. */
const stems = new Map<string, string>()

/**
 * A light English stemmer (plural, -ing, -ed, final e), applied until nothing changes so
 * that stemming a stem changes nothing: a stem typed as a query finds the same term.
 */
export const stem = (word: string): string => {
  const known = stems.get(word)
  if (known !== undefined) return known
  let w = word
  for (let next = stemOnce(w); next !== w; next = stemOnce(w)) w = next
  if (stems.size > 100_000) stems.clear()
  stems.set(word, w)
  return w
}

/** Han characters as overlapping pairs; a lone character stays itself. */
const bigrams = (run: string, out: string[]) => {
  if (run.length === 1) out.push(run)
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2))
}

/** The terms of a text, in order (duplicates kept: positions score, see postings.ts). */
export const encodeText = (text: string): string[] => {
  const out: string[] = []
  // NFKC (full-width letters and digits, compatibility ideographs) changes no ASCII text.
  const normal = ASCII.test(text) ? text : text.normalize("NFKC")
  for (const m of normal.toLowerCase().matchAll(RUN)) {
    const run = m[0]
    if (isHan(run)) bigrams(run, out)
    else if (!STOP.has(run)) out.push(stem(run))
  }
  return out
}

/**
 * HTML elements an author may write in Markdown: only these are markup. Anything else in
 * angle brackets is text a reader must see, like the placeholder in `nc -vz <host> 6379`.
 */
const HTML_TAG =
  /<\/?(?:a|abbr|b|blockquote|br|code|dd|del|details|div|dl|dt|em|h[1-6]|hr|i|img|kbd|li|mark|ol|p|pre|s|small|span|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul)(?:\s[^>]*)?\/?>|<!--[\s\S]*?-->/gi

/** Markdown reduced to words, for indexing and snippets (no markup, no link targets). */
export const plainText = (markdown: string): string =>
  markdown
    .replace(/```[a-z]*\n?/gi, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(HTML_TAG, " ")
    .replace(/[#*_`|~]+|^>+|\s>+(?=\s)/gm, " ")
    .replace(/-{3,}/g, " ")
    .replace(/\s+/g, " ")
    .trim()

/** A piece of displayed text, marked when it matches the query. */
export type Segment = readonly [text: string, hit: boolean]

/**
 * Split `text` into segments, marking Latin words whose stem is a query term and Han
 * characters covered by a query bigram. Returned as data, never HTML: the console
 * renders it as text, so a title cannot inject markup.
 */
export const highlight = (text: string, terms: ReadonlySet<string>): Segment[] => {
  const hit = new Uint8Array(text.length)
  const lower = text.toLowerCase()
  for (const m of lower.matchAll(/[a-z0-9]+/g)) {
    if (terms.has(stem(m[0]))) hit.fill(1, m.index, m.index + m[0].length)
  }
  for (const term of terms) {
    if (!isHan(term)) continue
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      hit.fill(1, at, at + term.length)
    }
  }
  const out: Segment[] = []
  let start = 0
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || hit[i] !== hit[start]) {
      out.push([text.slice(start, i), hit[start] === 1])
      start = i
    }
  }
  return out
}

/** About `size` characters of `text` around its first match, as segments. */
export const snippet = (text: string, terms: ReadonlySet<string>, size = 220): Segment[] => {
  const segments = highlight(text, terms)
  let offset = 0
  let first = -1
  for (const [part, isHit] of segments) {
    if (isHit) {
      first = offset
      break
    }
    offset += part.length
  }
  const from = Math.max(0, first < 0 ? 0 : first - 60)
  const slice = text.slice(from, from + size)
  const result = highlight(slice, terms)
  if (from > 0) result.unshift(["…", false])
  if (from + size < text.length) result.push(["…", false])
  return result
}
