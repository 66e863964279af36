/**
 * @module Demo content, from `demo/helpdesk.json`: categories, the 2026 public
 * holidays on the service calendars, and 50 tickets in Chinese and English in every status,
 * with threads, internal notes, assignments and surveys.
 */
import { readFileSync } from "node:fs"
import { Db, decode } from "@wharf/core"
import { Effect, Schema } from "effect"
import { SeveritySchema, StatusSchema } from "../shared/schemas"
import { addMessage, applyEvent } from "./actions"
import { findGroupByName, findPersonByEmail, type Person } from "./people"
import { createCategory } from "./settings"
import { insertTicket } from "./tickets"

const Script = Schema.Struct({
  description: Schema.String,
  ask: Schema.String,
  answer: Schema.String,
  solution: Schema.String,
  note: Schema.String,
  confirm: Schema.String,
  comment: Schema.String
})
const DemoHelpdesk = Schema.Struct({
  categories: Schema.Array(
    Schema.Struct({ name: Schema.String, nameEn: Schema.String, position: Schema.Int })
  ),
  holidays: Schema.Array(Schema.String),
  agents: Schema.Array(Schema.String),
  script: Schema.Struct({ zh: Script, en: Script }),
  tickets: Schema.Array(
    Schema.Struct({
      title: Schema.String,
      severity: SeveritySchema,
      category: Schema.String,
      requester: Schema.String,
      group: Schema.NullOr(Schema.String),
      status: StatusSchema,
      lang: Schema.Literals(["zh", "en"])
    })
  )
})

const HOUR = 3_600_000

export const loadDemoHelpdesk = Effect.gen(function* () {
  const db = yield* Db
  const data = yield* decode(DemoHelpdesk)(
    JSON.parse(readFileSync(new URL("../../demo/helpdesk.json", import.meta.url), "utf8"))
  )
  yield* db.transaction(
    Effect.gen(function* () {
      yield* db.query((sql) => sql`update helpdesk.calendars set holidays = ${[...data.holidays]}::date[]`)
      const categories = new Map<string, string>()
      for (const c of data.categories) categories.set(c.name, (yield* createCategory(c)).id)
      const agents: Person[] = []
      for (const email of data.agents) {
        const agent = yield* findPersonByEmail(email)
        if (agent) agents.push(agent)
      }
      const now = Date.now()
      for (const [i, t] of data.tickets.entries()) {
        const requester = yield* findPersonByEmail(t.requester)
        const categoryId = categories.get(t.category)
        if (!requester || !categoryId) continue
        const group = t.group ? yield* findGroupByName(t.group) : null
        const script = data.script[t.lang]
        // Spread over the last weeks; tickets awaiting confirmation stay recent so auto-close
        // does not sweep them at the first run.
        const age = t.status === "awaiting_confirmation" ? (i % 3) + 2 : i * 9 + 1
        let ticket = yield* insertTicket(
          {
            title: t.title,
            severity: t.severity,
            categoryId,
            product: "TDH",
            version: "9.3",
            description: script.description.replace("{title}", t.title),
            requester: { id: requester.id, name: requester.name, email: requester.email },
            tenant: group
              ? { kind: "group", id: group.id, name: group.name }
              : { kind: "user", id: requester.id, name: requester.name }
          },
          new Date(now - age * HOUR)
        )
        const agent = agents[i % agents.length]
        const customer = { id: requester.id, name: requester.name, side: "customer" as const }
        const support = agent ? { id: agent.id, name: agent.name, side: "support" as const } : null
        if (support && t.status !== "in_progress") {
          yield* db.query(
            (
              sql
            ) => sql`update helpdesk.tickets set assignee_id = ${support.id}, assignee_name = ${support.name}
              where id = ${ticket.id}`
          )
          yield* addMessage(ticket, support, { body: script.ask }, "console")
          ticket = { ...ticket, status: "awaiting_reply" }
          if (t.status !== "awaiting_reply") {
            yield* addMessage(ticket, customer, { body: script.answer }, "console")
            ticket = { ...ticket, status: "in_progress" }
            yield* addMessage(ticket, support, { body: script.note, internal: true }, "console")
            yield* addMessage(ticket, support, { body: script.solution, proposeSolution: true }, "console")
            ticket = { ...ticket, status: "awaiting_confirmation" }
          }
          if (t.status === "closed") {
            yield* addMessage(ticket, customer, { body: script.confirm }, "console")
            ticket = { ...ticket, status: "in_progress" }
            yield* applyEvent(ticket, { type: "close", by: "customer" }, customer)
            yield* db.query(
              (
                sql
              ) => sql`insert into helpdesk.surveys (ticket_id, rating, comment, agent_id, agent_name, category_id)
                values (${ticket.id}, ${3 + (i % 3)}, ${script.comment}, ${support.id}, ${support.name}, ${categoryId})`
            )
          }
        }
        // Replies follow the ticket's creation 40 minutes apart, as they would have; a recent
        // ticket's steps share out the time since it was filed, so none lies in the future.
        const created = new Date(now - age * HOUR)
        yield* db.query(
          (sql) => sql`
            update helpdesk.messages m set created_at = ${created}::timestamptz + x.n * least(interval '40 minutes',
              (${new Date(now)}::timestamptz - ${created}::timestamptz) / (x.total + 1))
            from (select id, row_number() over (order by created_at, id) as n, count(*) over () as total
              from helpdesk.messages where ticket_id = ${ticket.id}) x where m.id = x.id`
        )
        yield* db.query(
          (sql) => sql`
            update helpdesk.history h set at = ${created}::timestamptz + (x.n - 1) * least(interval '40 minutes',
              (${new Date(now)}::timestamptz - ${created}::timestamptz) / (x.total + 1))
            from (select id, row_number() over (order by at, id) as n, count(*) over () as total
              from helpdesk.history where ticket_id = ${ticket.id}) x where h.id = x.id`
        )
        yield* db.query(
          (sql) => sql`
            update helpdesk.tickets t set
              updated_at = coalesce((select max(created_at) from helpdesk.messages where ticket_id = t.id), t.created_at),
              status_changed_at = (select max(at) from helpdesk.history where ticket_id = t.id),
              first_responded_at = (select min(created_at) from helpdesk.messages
                where ticket_id = t.id and author_side = 'support' and visibility = 'public'),
              closed_at = case when t.status = 'closed' then (select max(at) from helpdesk.history where ticket_id = t.id) end
            where t.id = ${ticket.id}`
        )
        yield* db.query(
          (sql) => sql`update helpdesk.surveys s set created_at = t.closed_at from helpdesk.tickets t
            where t.id = s.ticket_id and t.id = ${ticket.id}`
        )
      }
    })
  )
})
