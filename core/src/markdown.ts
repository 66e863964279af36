/**
 * @module Markdown to safe HTML, on the server, for articles, manual pages, releases and the FAQ.
 * markdown-it with raw HTML off renders what Markdown can express (code blocks, tables,
 * images, links); sanitize-html then keeps only an allow-list of tags and attributes and
 * only http(s)/mailto/relative URLs, so a `<script>` or an `onerror=` in a body, or a
 * `javascript:` link, never reaches a browser.
 */
import MarkdownIt from "markdown-it"
import sanitizeHtml from "sanitize-html"

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "s",
    "del",
    "code",
    "pre",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td"
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title"],
    code: ["class"],
    th: ["style"],
    td: ["style"]
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" })
  }
}
allowed.allowedAttributes = { ...allowed.allowedAttributes, a: ["href", "title", "rel", "target"] }

export const renderMarkdown = (markdown: string): string => sanitizeHtml(md.render(markdown), allowed)
