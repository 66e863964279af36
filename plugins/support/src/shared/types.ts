import type { TextSegment } from "@wharf/core/web"
/** A service's words in one language. */
export interface ServiceText {
  readonly name: string
  readonly category: string
  readonly description: string
  readonly priceNote: string
}

/** A service: its Chinese text, and its English one when translated (English readers see that). */
export interface PremiumService extends ServiceText {
  readonly id: string
  readonly en: ServiceText | null
}

export interface ServiceOrder {
  readonly id: string
  readonly serviceName: string
  readonly serviceNameEn: string | null
  readonly userEmail: string
  readonly note: string
  /** `received`: recorded here; `ticketed`: handed to the helpdesk as a ticket. */
  readonly status: "received" | "ticketed"
  readonly ticketRef: string | null
  readonly createdAt: string
}

/** A piece of a title or snippet and whether it matched the search (core's `Highlighted` shows it). */
export type Segment = TextSegment

export interface Faq {
  readonly id: string
  readonly question: string
  readonly answer: string
  readonly html: string
  readonly locale: "zh-CN" | "en"
  readonly questionSegments: ReadonlyArray<Segment>
}
