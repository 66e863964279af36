/**
 * @module What the knowledge base's procedures answer, shared with the console.
 */
import type { TextSegment } from "@wharf/core/web"

/** Text split into pieces, `true` where it matches the search (core's `Highlighted` shows it). */
export type Segment = TextSegment

export interface ArticleSummary {
  readonly id: string
  readonly title: string
  readonly product: string
  readonly version: string
  readonly locale: "zh-CN" | "en"
  readonly tags: ReadonlyArray<string>
  readonly status: "draft" | "published"
  readonly updatedAt: string
  readonly views: number
}

export interface SearchResult extends ArticleSummary {
  readonly titleSegments: ReadonlyArray<Segment>
  readonly snippet: ReadonlyArray<Segment>
}

export interface SearchAnswer {
  readonly items: ReadonlyArray<SearchResult>
  readonly total: number
  /** No article had every word: these are the closest ones. */
  readonly partial: boolean
  readonly tookMs: number
}

export interface Article extends ArticleSummary {
  readonly body: string
  readonly html: string
  readonly authorName: string
  readonly revision: number
  readonly createdAt: string
  readonly helpful: number
  readonly notHelpful: number
  /** The signed-in reader's vote, if any. */
  readonly myVote: boolean | null
}

export interface Revision {
  readonly number: number
  readonly title: string
  readonly status: "draft" | "published"
  readonly authorName: string
  readonly createdAt: string
}

export interface DiffLine {
  readonly kind: "added" | "removed" | "same"
  readonly text: string
}

export interface QuickLink {
  readonly label: string
  readonly query: string
  readonly locale: "zh-CN" | "en"
}

export interface FeedbackReportRow {
  readonly id: string
  readonly title: string
  readonly locale: "zh-CN" | "en"
  readonly helpful: number
  readonly notHelpful: number
  readonly lastComment: string | null
}

/** What a search can be narrowed by (published articles only). */
export interface Facets {
  readonly products: ReadonlyArray<{ readonly product: string; readonly versions: ReadonlyArray<string> }>
  readonly tags: ReadonlyArray<string>
}
