/**
 * @module Markdown from customers and support, rendered to HTML that is safe to show: raw
 * HTML in the source is escaped, and the result is sanitized again (links only to http,
 * https and mailto; no scripts, styles or event handlers).
 */
import MarkdownIt from "markdown-it"
import sanitizeHtml from "sanitize-html"

const md = new MarkdownIt({ html: false, linkify: true, breaks: true })

const options: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del"],
  allowedAttributes: { a: ["href", "title"], img: ["src", "alt", "title"], code: ["class"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" })
  }
}

// Rendering and sanitizing cost about a millisecond per message; a ticket is read far more
// often than written, so recent results are kept (keyed by the source itself).
const cache = new Map<string, string>()
const CACHE_SIZE = 5_000

export const renderMarkdown = (source: string): string => {
  const hit = cache.get(source)
  if (hit !== undefined) {
    // Re-inserting keeps the Map's order least-recently-used first.
    cache.delete(source)
    cache.set(source, hit)
    return hit
  }
  const html = sanitizeHtml(md.render(source), options)
  cache.set(source, html)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return html
}
