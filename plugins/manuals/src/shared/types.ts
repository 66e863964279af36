/**
 * @module What the manuals plugin's procedures answer, shared with the console.
 */
import type { TextSegment } from "@wharf/core/web"

export interface ManualSummary {
  readonly product: string
  readonly version: string
  readonly title: string
  readonly publishedAt: string
  /** The newest version of its product. */
  readonly latest: boolean
}

export interface PageNode {
  readonly slug: string
  readonly title: string
  readonly children: ReadonlyArray<PageNode>
}

export interface ManualPage {
  readonly manual: ManualSummary
  readonly toc: ReadonlyArray<PageNode>
  readonly slug: string
  readonly title: string
  readonly html: string
  /** Every version of this product, for the switcher, with whether it has this page. */
  readonly versions: ReadonlyArray<{ readonly version: string; readonly hasPage: boolean }>
}

export interface Release {
  readonly id: string
  readonly title: string
  readonly product: string
  readonly version: string
  readonly date: string
  readonly html: string
}

/** A piece of a title or snippet and whether it matched the search (core's `Highlighted` shows it). */
export type Segment = TextSegment

export interface PageHit {
  readonly product: string
  readonly version: string
  readonly slug: string
  readonly title: string
  readonly snippet: ReadonlyArray<Segment>
}
