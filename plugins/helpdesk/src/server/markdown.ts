/**
 * @module Markdown from customers and support, rendered to HTML that is safe to show: raw
 * HTML in the source is escaped, and the result is sanitized again (links only to http,
 * https and mailto; no scripts, styles or event handlers). Images load only from Wharf
 * itself (attachments) and the hosts `WHARF_IMAGE_HOSTS` names: anyone may file a ticket,
 * and an image from their own server would tell them who opened it, when and from where.
 * Any other image becomes a link its reader may choose to follow.
 */
import MarkdownIt from "markdown-it"
import sanitizeHtml from "sanitize-html"

const md = new MarkdownIt({ html: false, linkify: true, breaks: true })

/** Where images may load from: Wharf's public URL and the hosts of `WHARF_IMAGE_HOSTS`. */
export interface ImageSources {
  readonly publicUrl: string
  readonly imageHosts: ReadonlyArray<string>
}

const LINK_ATTRIBUTES = { rel: "noopener noreferrer nofollow", target: "_blank" }

/** A path on Wharf itself (`/api/v1/tickets/…/attachments/…`), or https from an allowed host. */
const imageAllowed = (src: string, sources: ImageSources): boolean => {
  // "//host/x" and "/\host/x" are other hosts to a browser.
  if (src.startsWith("/")) return !/^\/[/\\]/.test(src)
  let url: URL
  try {
    url = new URL(src)
  } catch {
    return false
  }
  if (url.origin === new URL(sources.publicUrl).origin) return true
  return url.protocol === "https:" && sources.imageHosts.some((h) => h.toLowerCase() === url.host)
}

const optionsFor = (sources: ImageSources): sanitizeHtml.IOptions => ({
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del"],
  allowedAttributes: { a: ["href", "title", "rel", "target"], img: ["src", "alt", "title"], code: ["class"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", LINK_ATTRIBUTES),
    img: (tagName, attribs) => {
      const src = attribs.src ?? ""
      if (imageAllowed(src, sources)) return { tagName, attribs }
      return {
        tagName: "a",
        attribs: { href: src, ...LINK_ATTRIBUTES },
        text: attribs.alt || attribs.title || src
      }
    }
  }
})

// Rendering and sanitizing cost about a millisecond per message; a ticket is read far more
// often than written, so recent results are kept (keyed by the source and where images may come from).
const cache = new Map<string, string>()
const CACHE_SIZE = 5_000

export const renderMarkdown = (source: string, sources: ImageSources): string => {
  const key = `${sources.publicUrl} ${sources.imageHosts.join(",")}\n${source}`
  const hit = cache.get(key)
  if (hit !== undefined) {
    // Re-inserting keeps the Map's order least-recently-used first.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const html = sanitizeHtml(md.render(source), optionsFor(sources))
  cache.set(key, html)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return html
}
