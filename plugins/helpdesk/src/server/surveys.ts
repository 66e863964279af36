/**
 * @module The satisfaction survey (SPEC HD-7): once per closed ticket, by the customer
 * side; and the report support reads, averaged per period, category and agent.
 */

import {
  Conflict,
  conflictOnDuplicate,
  Db,
  Forbidden,
  idempotent,
  type Remember,
  requireRole,
  requireViewer,
  type Sql
} from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"
import type { SurveyReport } from "../shared/types"
import { findVisibleTicket, sideOf } from "./access"
import type { TicketRow } from "./rows"
import { detailOf } from "./tickets"

/** What a rating is: the stars and the comment. */
export type SurveyAnswer = { rating: number; comment?: string | undefined }

export const recordSurvey = Effect.fn("Surveys.record")(function* (
  ticket: TicketRow,
  side: "customer" | "support",
  input: SurveyAnswer
) {
  if (side !== "customer") return yield* new Forbidden(helpdeskReasons.because("helpdesk.customerOnlyRates"))
  if (ticket.status !== "closed") {
    return yield* new Conflict(helpdeskReasons.because("helpdesk.rateWhenClosed"))
  }
  const db = yield* Db
  yield* db
    .query(
      (
        sql
      ) => sql`insert into helpdesk.surveys (ticket_id, rating, comment, agent_id, agent_name, category_id)
        values (${ticket.id}, ${input.rating}, ${input.comment?.trim() ?? ""}, ${ticket.assignee_id},
          ${ticket.assignee_name}, ${ticket.category_id})`
    )
    .pipe(conflictOnDuplicate("This ticket has already been rated; a ticket is rated once"))
})

const avg = (n: unknown) => Math.round(Number(n) * 100) / 100

export const surveyReport = Effect.fn("Surveys.report")(function* (input: {
  from?: string | undefined
  to?: string | undefined
  period: "week" | "month"
}) {
  yield* requireRole("admin", "agent")
  const db = yield* Db
  const from = input.from ?? null
  const to = input.to ?? null
  const where = (sql: Sql) =>
    sql`(${from}::date is null or s.created_at >= ${from}::date)
      and (${to}::date is null or s.created_at < ${to}::date + 1)`
  const [overall, byPeriod, byCategory, byAgent, recent] = yield* Effect.all([
    db.query(
      (sql) => sql<{ n: string; a: string | null }[]>`
        select count(*) as n, avg(rating) as a from helpdesk.surveys s where ${where(sql)}`
    ),
    db.query(
      (sql) => sql<{ period: string; n: string; a: string }[]>`
        select to_char(date_trunc(${input.period}, s.created_at at time zone 'Asia/Shanghai'),
            ${input.period === "month" ? "YYYY-MM" : 'IYYY-"W"IW'}) as period,
          count(*) as n, avg(rating) as a
        from helpdesk.surveys s where ${where(sql)} group by 1 order by 1 desc limit 24`
    ),
    db.query(
      (sql) => sql<{ name: string; n: string; a: string }[]>`
        select coalesce(c.name || ' / ' || c.name_en, '—') as name, count(*) as n, avg(rating) as a
        from helpdesk.surveys s left join helpdesk.categories c on c.id = s.category_id
        where ${where(sql)} group by 1 order by 2 desc, 1`
    ),
    db.query(
      (sql) => sql<{ name: string; n: string; a: string }[]>`
        select coalesce(s.agent_name, '—') as name, count(*) as n, avg(rating) as a
        from helpdesk.surveys s where ${where(sql)} group by 1 order by 3 desc, 1`
    ),
    db.query(
      (sql) => sql<
        {
          number: string
          title: string
          rating: number
          comment: string
          agent_name: string | null
          created_at: Date
        }[]
      >`select t.number, t.title, s.rating, s.comment, s.agent_name, s.created_at
        from helpdesk.surveys s join helpdesk.tickets t on t.id = s.ticket_id
        where ${where(sql)} order by s.created_at desc limit 20`
    )
  ])
  const group = (rows: ReadonlyArray<{ n: string; a: string }>) =>
    rows.map((r) => ({ count: Number(r.n), average: avg(r.a) }))
  return {
    overall: { count: Number(overall[0]?.n ?? 0), average: overall[0]?.a == null ? null : avg(overall[0].a) },
    byPeriod: byPeriod.map((r, i) => ({ period: r.period, ...group(byPeriod)[i]! })),
    byCategory: byCategory.map((r, i) => ({ name: r.name, ...group(byCategory)[i]! })),
    byAgent: byAgent.map((r, i) => ({ name: r.name, ...group(byAgent)[i]! })),
    recent: recent.map((r) => ({
      number: Number(r.number),
      title: r.title,
      rating: r.rating,
      comment: r.comment,
      agent: r.agent_name,
      createdAt: r.created_at.toISOString()
    }))
  } satisfies SurveyReport
})

/**
 * Rate the ticket `find` locks, once per key: the key is recorded in the survey's
 * transaction, so a retry (or a racing twin) answers with the ticket as rated instead of
 * "already rated", and the same key with other stars is refused.
 */
export const rateOnce = <E, R, A, E2, R2>(
  key: { scope: string; owner: string; key: string | undefined },
  number: number,
  input: SurveyAnswer,
  find: Effect.Effect<{ ticket: TicketRow; side: "customer" | "support" }, E, R>,
  answer: Effect.Effect<A, E2, R2>
) =>
  Effect.gen(function* () {
    const db = yield* Db
    return yield* idempotent(
      { ...key, request: { number, rating: input.rating, comment: input.comment } },
      (remember: Remember<{}>) =>
        Effect.andThen(
          db.transaction(
            Effect.gen(function* () {
              const { ticket, side } = yield* find
              yield* remember({})
              yield* recordSurvey(ticket, side, input)
            })
          ),
          answer
        ),
      () => answer
    )
  })

/** A signed-in customer rates a closed ticket they can see; with `key`, a retry rates once. */
export const rateTicket = Effect.fn("Surveys.rate")(function* (
  number: number,
  input: SurveyAnswer,
  key?: string
) {
  const owner = `user:${(yield* requireViewer).id}`
  const locked = Effect.map(findVisibleTicket(number, { forUpdate: true }), ({ ticket, viewer }) => ({
    ticket,
    side: sideOf(viewer, ticket)
  }))
  const current = Effect.flatMap(findVisibleTicket(number), ({ ticket, viewer }) => detailOf(ticket, viewer))
  return yield* rateOnce({ scope: "helpdesk.survey", owner, key }, number, input, locked, current)
})
