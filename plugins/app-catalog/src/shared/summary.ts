/** @module How the catalog API answers: a card per app, and one app's whole definition. */
import type { AppDefinition, LocalizedText } from "./definition"

export interface AppSummary {
  readonly name: string
  readonly title: string
  readonly version: string
  readonly vendor: string
  readonly icon: string
  readonly description: LocalizedText
  readonly tags: ReadonlyArray<string>
  readonly catalog: string
  readonly dependencies: ReadonlyArray<{ readonly app: string; readonly required: boolean }>
}

export interface AppDetail extends AppSummary {
  readonly definition: AppDefinition
}

export const summaryOf = (catalog: string, d: AppDefinition): AppSummary => ({
  name: d.name,
  title: d.title,
  version: d.version,
  vendor: d.vendor,
  icon: d.icon,
  description: d.description,
  tags: d.tags,
  catalog,
  dependencies: d.dependencies
})

/** Search over names, titles, vendors, tags and both descriptions; every word must match. */
export const matchesSearch = (s: AppSummary, q: string): boolean => {
  const hay = [s.name, s.title, s.vendor, ...s.tags, s.description["zh-CN"], s.description.en]
    .join(" ")
    .toLowerCase()
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "")
    .every((w) => hay.includes(w))
}
