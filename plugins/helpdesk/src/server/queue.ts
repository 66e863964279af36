/**
 * @module Support's queue (SPEC HD-10): every ticket, filtered by status, severity,
 * assignee, category and SLA breach, sorted by the next SLA due time or by activity.
 */
import { requireRole, type Sql } from "@wharf/core"
import { Effect } from "effect"
import type { Severity, TicketStatus } from "../shared/status"
import { cachedList } from "./list-cache"
import type { Fragment } from "./rows"
import { pageOf, searchCondition } from "./tickets"

const and = (sql: Sql, parts: ReadonlyArray<Fragment | null>) =>
  parts.filter((p) => p !== null).reduce((acc, p) => sql`${acc} and ${p}`, sql`true`)

/** The next target a ticket must meet: its first response until answered, then its resolution. */
const nextDue = (sql: Sql) =>
  sql`(case when t.first_responded_at is null then t.first_response_due else t.resolution_due end)`

export const listQueue = Effect.fn("Support.queue")(function* (input: {
  status?: TicketStatus | "open" | undefined
  severity?: Severity | undefined
  assignee?: string | undefined
  categoryId?: string | undefined
  breached?: boolean | undefined
  search?: string | undefined
  sort?: "due" | "updated" | "created" | undefined
  limit: number
  offset: number
}) {
  const viewer = yield* requireRole("admin", "agent")
  const sort = input.sort ?? "due"
  // Support shares one queue; only "assigned to me" depends on who asks.
  const key = `queue|${input.assignee === "me" ? viewer.id : ""}|${JSON.stringify(input)}`
  return yield* cachedList(key, () =>
    pageOf(
      (sql) => [
        and(sql, [
          input.status === "open"
            ? sql`t.status <> 'closed'`
            : input.status
              ? sql`t.status = ${input.status}`
              : null,
          input.severity ? sql`t.severity = ${input.severity}` : null,
          input.assignee === "me"
            ? sql`t.assignee_id = ${viewer.id}`
            : input.assignee === "unassigned"
              ? sql`t.assignee_id is null`
              : input.assignee
                ? sql`t.assignee_id = ${input.assignee}`
                : null,
          input.categoryId ? sql`t.category_id = ${input.categoryId}` : null,
          input.breached === undefined
            ? null
            : input.breached
              ? sql`(t.first_response_breached_at is not null or t.resolution_breached_at is not null)`
              : sql`(t.first_response_breached_at is null and t.resolution_breached_at is null)`,
          searchCondition(sql, input.search)
        ])
      ],
      (sql) =>
        sort === "due"
          ? // Open tickets by what falls due first; closed ones after, newest first.
            sql`(t.status = 'closed'), ${nextDue(sql)} asc nulls last, t.number`
          : sort === "created"
            ? sql`t.created_at desc, t.number desc`
            : sql`t.updated_at desc, t.number desc`,
      input,
      true
    )
  )
})
