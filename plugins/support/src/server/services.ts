/**
 * @module The premium services catalog (admins manage it) and orders. Ordering asks the
 * plugins that contribute to the `support.service-order` extension point (the helpdesk,
 * when it is enabled, opens a "service order" ticket); with none, the order is kept here
 * as `received` and agents work it from the orders list.
 */
import { Db, Extensions, hasRole, NotFound, requireRole, requireViewer } from "@wharf/core"
import { Effect } from "effect"
import { serviceOrderHandlers } from "../shared/extension-points"
import type { ServiceInput } from "../shared/schemas"
import type { PremiumService, ServiceOrder } from "../shared/types"

interface ServiceRow {
  id: string
  name: string
  category: string
  description: string
  price_note: string
  name_en: string | null
  category_en: string | null
  description_en: string | null
  price_note_en: string | null
}
const COLUMNS =
  "id::text, name, category, description, price_note, name_en, category_en, description_en, price_note_en"
const toService = (r: ServiceRow): PremiumService => ({
  id: r.id,
  name: r.name,
  category: r.category,
  description: r.description,
  priceNote: r.price_note,
  // English only when the whole text is translated: a card half in each language reads worse.
  en:
    r.name_en && r.category_en && r.description_en && r.price_note_en
      ? {
          name: r.name_en,
          category: r.category_en,
          description: r.description_en,
          priceNote: r.price_note_en
        }
      : null
})

export const listServices = Effect.gen(function* () {
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql<ServiceRow[]>`
      select ${sql.unsafe(COLUMNS)} from support.services
      where active order by position, name`
  )
  return rows.map(toService)
})

type Fields = typeof ServiceInput.Type

export const createService = Effect.fn("Services.create")(function* (f: Fields) {
  yield* requireRole("admin")
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<ServiceRow[]>`
      insert into support.services (name, category, description, price_note, position,
                                    name_en, category_en, description_en, price_note_en)
      values (${f.name}, ${f.category}, ${f.description}, ${f.priceNote},
              (select coalesce(max(position), 0) + 1 from support.services),
              ${f.en?.name ?? null}, ${f.en?.category ?? null}, ${f.en?.description ?? null},
              ${f.en?.priceNote ?? null})
      returning ${sql.unsafe(COLUMNS)}`
  )
  return toService(row!)
})

export const updateService = Effect.fn("Services.update")(function* (f: Fields & { id: string }) {
  yield* requireRole("admin")
  const db = yield* Db
  const [row] = yield* db.query(
    (sql) => sql<ServiceRow[]>`
      update support.services set name = ${f.name}, category = ${f.category}, description = ${f.description},
        price_note = ${f.priceNote}, name_en = ${f.en?.name ?? null}, category_en = ${f.en?.category ?? null},
        description_en = ${f.en?.description ?? null}, price_note_en = ${f.en?.priceNote ?? null}
      where id = ${f.id} and active
      returning ${sql.unsafe(COLUMNS)}`
  )
  if (!row) return yield* new NotFound({ message: "No such service" })
  return toService(row)
})

/** Retire a service: past orders keep pointing at it, new ones cannot be placed. */
export const retireService = Effect.fn("Services.retire")(function* (id: string) {
  yield* requireRole("admin")
  const db = yield* Db
  const rows = yield* db.query(
    (sql) => sql`update support.services set active = false where id = ${id} returning id`
  )
  if (rows.length === 0) return yield* new NotFound({ message: "No such service" })
})

/** Whether an order becomes a ticket here: some enabled plugin handles orders. */
export const ticketingAvailable = Effect.gen(function* () {
  return (yield* Extensions).get(serviceOrderHandlers).length > 0
})

/**
 * Record an order and hand it to the order handlers in one transaction: a handler that
 * fails leaves neither a ticket nor an order behind, so the customer's retry is clean.
 */
export const orderService = Effect.fn("Services.order")(function* (serviceId: string, note: string) {
  const viewer = yield* requireViewer
  const db = yield* Db
  const handlers = (yield* Extensions).get(serviceOrderHandlers)
  const orderId = yield* db.transaction(
    Effect.gen(function* () {
      const [service] = yield* db.query(
        (sql) => sql<ServiceRow[]>`
          select ${sql.unsafe(COLUMNS)} from support.services
          where id = ${serviceId} and active`
      )
      if (!service) return yield* new NotFound({ message: "No such service" })
      const [order] = yield* db.query(
        (sql) => sql<{ id: string }[]>`
          insert into support.orders (service_id, user_id, user_email, note)
          values (${serviceId}, ${viewer.id}, ${viewer.email}, ${note}) returning id::text`
      )
      for (const handle of handlers) {
        const { ticketRef } = yield* handle({
          orderId: order!.id,
          serviceName: service.name,
          serviceCategory: service.category,
          priceNote: service.price_note,
          note,
          customer: viewer
        })
        yield* db.query(
          (sql) =>
            sql`update support.orders set status = 'ticketed', ticket_ref = ${ticketRef} where id = ${order!.id}`
        )
      }
      return order!.id
    })
  )
  return (yield* listOrders).find((o) => o.id === orderId)!
})

/** Agents see every order; a customer sees their own. */
export const listOrders = Effect.gen(function* () {
  const viewer = yield* requireViewer
  const db = yield* Db
  const all = hasRole(viewer, "admin", "agent")
  const rows = yield* db.query(
    (sql) => sql<
      {
        id: string
        service_name: string
        service_name_en: string | null
        user_email: string
        note: string
        status: ServiceOrder["status"]
        ticket_ref: string | null
        created_at: Date
      }[]
    >`
      select o.id::text, s.name as service_name, s.name_en as service_name_en, o.user_email, o.note, o.status, o.ticket_ref, o.created_at
      from support.orders o join support.services s on s.id = o.service_id
      where ${all}::boolean or o.user_id = ${viewer.id}
      order by o.created_at desc limit 200`
  )
  return rows.map(
    (r): ServiceOrder => ({
      id: r.id,
      serviceName: r.service_name,
      serviceNameEn: r.service_name_en,
      userEmail: r.user_email,
      note: r.note,
      status: r.status,
      ticketRef: r.ticket_ref,
      createdAt: r.created_at.toISOString()
    })
  )
})
