/**
 * @module One tag vocabulary with a label per language. Articles store the key ("faq");
 * readers see the label of their language (常见问题 / FAQ), so a Chinese and an English
 * article on the same topic share one tag, and the tag list has each topic once. An
 * editor may type a key or a label in either language; a tag outside the vocabulary is
 * kept as typed (lower case) and shown as is.
 */
import vocabulary from "./tags.json" with { type: "json" }

export type TagLocale = "zh-CN" | "en"

/** Keys with their labels, in `tags.json`: adding a topic is a line of data, not code. */
const tagVocabulary: Readonly<Record<string, { readonly "zh-CN": string; readonly en: string }>> = vocabulary

const byLabel = new Map<string, string>()
for (const [key, labels] of Object.entries(tagVocabulary)) {
  byLabel.set(key, key)
  byLabel.set(labels["zh-CN"].toLowerCase(), key)
  byLabel.set(labels.en.toLowerCase(), key)
}

/** The stored form of a tag typed as a key or a label in either language. */
export const tagKey = (typed: string): string => {
  const t = typed.trim().toLowerCase()
  return byLabel.get(t) ?? t
}

/** What a reader of `locale` sees for a stored tag. */
export const tagLabel = (key: string, locale: string): string =>
  tagVocabulary[key]?.[locale === "en" ? "en" : "zh-CN"] ?? key
