import { describe, expect, it } from "vitest"
import { STATUSES, type TicketEvent, type TicketStatus, transition } from "./status"

const events: ReadonlyArray<TicketEvent> = [
  { type: "agentReply" },
  { type: "customerReply" },
  { type: "proposeSolution" },
  { type: "confirm" },
  { type: "notSolved" },
  { type: "close", by: "customer" },
  { type: "close", by: "support" },
  { type: "autoClose" },
  ...STATUSES.map((to) => ({ type: "setStatus" as const, to }))
]

const name = (e: TicketEvent) =>
  e.type === "close" ? `close by ${e.by}` : e.type === "setStatus" ? `setStatus ${e.to}` : e.type

// The whole table of HD-4, one row per (status, event): the resulting status, or null if refused.
const expected: Record<TicketStatus, Record<string, TicketStatus | null>> = {
  in_progress: {
    agentReply: "awaiting_reply",
    customerReply: "in_progress",
    proposeSolution: "awaiting_confirmation",
    confirm: null,
    notSolved: null,
    "close by customer": "closed",
    "close by support": "closed",
    autoClose: null,
    "setStatus in_progress": "in_progress",
    "setStatus awaiting_reply": "awaiting_reply",
    "setStatus awaiting_confirmation": "awaiting_confirmation",
    "setStatus closed": "closed"
  },
  awaiting_reply: {
    agentReply: "awaiting_reply",
    customerReply: "in_progress",
    proposeSolution: "awaiting_confirmation",
    confirm: null,
    notSolved: null,
    "close by customer": "closed",
    "close by support": "closed",
    autoClose: null,
    "setStatus in_progress": "in_progress",
    "setStatus awaiting_reply": "awaiting_reply",
    "setStatus awaiting_confirmation": "awaiting_confirmation",
    "setStatus closed": "closed"
  },
  awaiting_confirmation: {
    agentReply: "awaiting_reply",
    customerReply: "in_progress",
    proposeSolution: "awaiting_confirmation",
    confirm: "closed",
    notSolved: "in_progress",
    "close by customer": "closed",
    "close by support": "closed",
    autoClose: "closed",
    "setStatus in_progress": "in_progress",
    "setStatus awaiting_reply": "awaiting_reply",
    "setStatus awaiting_confirmation": "awaiting_confirmation",
    "setStatus closed": "closed"
  },
  closed: Object.fromEntries(events.map((e) => [name(e), null]))
}

describe("ticket status transitions (HD-4)", () => {
  for (const from of STATUSES) {
    for (const event of events) {
      const want = expected[from][name(event)]
      it(`${from} + ${name(event)} → ${want ?? "refused"}`, () => {
        const result = transition(from, event)
        if (want === null) {
          expect(result.ok).toBe(false)
          expect(!result.ok && result.reason).toMatch(/\w/)
        } else {
          expect(result).toEqual({ ok: true, to: want })
        }
      })
    }
  }

  it("the table covers every status and every event", () => {
    expect(Object.keys(expected)).toEqual([...STATUSES])
    for (const from of STATUSES) expect(Object.keys(expected[from]).sort()).toEqual(events.map(name).sort())
  })

  it("says why a closed ticket cannot change", () => {
    expect(transition("closed", { type: "customerReply" })).toEqual({
      ok: false,
      reason: "helpdesk.ticketClosed"
    })
  })
})
