/** @module Shapes the helpdesk API answers with. */
import type { Severity, TicketStatus } from "./status"

export interface SlaState {
  readonly calendar: string | null
  /** The calendar's English name; null where not translated. */
  readonly calendarEn: string | null
  readonly firstResponseDue: string | null
  readonly resolutionDue: string | null
  readonly firstRespondedAt: string | null
  /** "breached" once a target passed unmet; "due" within the next service hour; else "ok". */
  readonly state: "ok" | "due" | "breached" | "met"
}

export interface TicketSummary {
  readonly number: number
  readonly title: string
  readonly severity: Severity
  readonly status: TicketStatus
  readonly category: { readonly id: string; readonly name: string; readonly nameEn: string }
  readonly requester: { readonly id: string | null; readonly name: string; readonly guest: boolean }
  readonly tenant: { readonly kind: "user" | "group" | "guest"; readonly name: string }
  readonly assignee: { readonly id: string; readonly name: string } | null
  readonly createdAt: string
  readonly updatedAt: string
  /** Support views only. */
  readonly sla?: SlaState
}

export interface Attachment {
  readonly id: string
  readonly name: string
  readonly size: number
  readonly url: string
}

export interface ThreadMessage {
  readonly id: string
  readonly visibility: "public" | "internal"
  readonly author: {
    readonly id: string | null
    readonly name: string
    readonly side: "customer" | "support"
  }
  readonly body: string
  /** The body rendered from Markdown and sanitized. */
  readonly html: string
  readonly proposesSolution: boolean
  readonly via: "console" | "api" | "email" | "guest-link"
  readonly createdAt: string
  readonly attachments: ReadonlyArray<Attachment>
}

export interface HistoryEntry {
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly from: string | null
  readonly to: string | null
  readonly note: string | null
}

export interface Survey {
  readonly rating: number
  readonly comment: string
  readonly createdAt: string
}

export interface TicketDetail extends TicketSummary {
  readonly product: string | null
  readonly version: string | null
  readonly description: string
  readonly descriptionHtml: string
  readonly requesterEmail?: string
  readonly closedAt: string | null
  readonly attachments: ReadonlyArray<Attachment>
  readonly thread: ReadonlyArray<ThreadMessage>
  readonly history: ReadonlyArray<HistoryEntry>
  readonly survey: Survey | null
  /** Which side the viewer speaks for on this ticket. */
  readonly viewerSide: "customer" | "support"
  readonly sla?: SlaState
}

export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly total: number
  /** The total is a lower bound: counting stops at 1,000. */
  readonly totalCapped: boolean
}

export interface Category {
  readonly id: string
  readonly name: string
  readonly nameEn: string
  readonly position: number
  readonly active: boolean
  readonly calendarId: string | null
}

export interface SlaTarget {
  readonly severity: Severity
  readonly firstResponseMinutes: number
  readonly resolutionMinutes: number
}

export interface ServiceCalendarInfo {
  readonly id: string
  readonly key: string
  readonly name: string
  /** Null: not translated, English readers see the Chinese name. */
  readonly nameEn: string | null
  readonly timeZone: string
  readonly days: ReadonlyArray<number>
  readonly startMinute: number
  readonly endMinute: number
  readonly holidays: ReadonlyArray<string>
  readonly isDefault: boolean
  readonly targets: ReadonlyArray<SlaTarget>
}

export interface SurveyReport {
  readonly overall: { readonly count: number; readonly average: number | null }
  readonly byPeriod: ReadonlyArray<{
    readonly period: string
    readonly count: number
    readonly average: number
  }>
  readonly byCategory: ReadonlyArray<{
    readonly name: string
    readonly count: number
    readonly average: number
  }>
  readonly byAgent: ReadonlyArray<{ readonly name: string; readonly count: number; readonly average: number }>
  readonly recent: ReadonlyArray<{
    readonly number: number
    readonly title: string
    readonly rating: number
    readonly comment: string
    readonly agent: string | null
    readonly createdAt: string
  }>
}
