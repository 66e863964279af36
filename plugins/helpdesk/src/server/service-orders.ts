/**
 * @module What the helpdesk lends the support plugin: a premium-service order becomes a
 * ticket of the "service order" (服务订购) category for the customer, in their own tenant;
 * and the support channels read their hours from the service calendars. Both go through
 * support's extension points: while support is disabled nobody reads them, and the
 * helpdesk runs as before.
 */
import { Db } from "@wharf/core"
import type { OrderRequest, ServiceHours } from "@wharf/plugin-support/shared"
import { Effect } from "effect"
import { deliver, mailToRequester } from "./notify"
import { insertTicket } from "./tickets"

/** Where the category's id is kept, so an admin may rename it without breaking orders. */
const SETTING = "service_order_category"
const NAME = { zh: "服务订购", en: "Service order" }

/**
 * The category's id, created (or brought back from retirement) when missing: orders are
 * tickets of this category, so it exists without demo data. At start-up and per order.
 */
export const ensureServiceOrderCategory = Effect.gen(function* () {
  const db = yield* Db
  return yield* db.transaction(
    Effect.gen(function* () {
      const [kept] = yield* db.query(
        (sql) => sql<{ id: string }[]>`select c.id from helpdesk.categories c join helpdesk.settings s
          on s.key = ${SETTING} and c.id::text = s.value #>> '{}'`
      )
      let id = kept?.id
      if (!id) {
        yield* db.query(
          (sql) => sql`insert into helpdesk.categories (name, name_en, position)
            values (${NAME.zh}, ${NAME.en}, 900) on conflict do nothing`
        )
        const [found] = yield* db.query(
          (sql) => sql<{ id: string }[]>`select id from helpdesk.categories
            where lower(name) = ${NAME.zh} or lower(name_en) = ${NAME.en.toLowerCase()} order by position limit 1`
        )
        id = found!.id
        yield* db.query(
          (sql) => sql`insert into helpdesk.settings (key, value) values (${SETTING}, ${sql.json(id!)})
            on conflict (key) do update set value = excluded.value`
        )
      }
      yield* db.query(
        (sql) => sql`update helpdesk.categories set active = true where id = ${id!} and not active`
      )
      return id
    })
  )
})

const describe = (order: OrderRequest) => {
  const zh = order.customer.locale === "zh-CN"
  const lines = zh
    ? [
        `**服务：** ${order.serviceName}（${order.serviceCategory}）`,
        `**价格说明：** ${order.priceNote}`,
        "",
        "**需求说明：**",
        "",
        order.note.trim() || "（未填写）",
        "",
        `*来自高级服务订单 ${order.orderId}*`
      ]
    : [
        `**Service:** ${order.serviceName} (${order.serviceCategory})`,
        `**Price note:** ${order.priceNote}`,
        "",
        "**What the customer needs:**",
        "",
        order.note.trim() || "(nothing written)",
        "",
        `*From premium service order ${order.orderId}*`
      ]
  return lines.join("\n")
}

/** Open the order's ticket for the customer in their own tenant; answer its number. */
export const ticketForOrder = (order: OrderRequest) =>
  Effect.gen(function* () {
    const db = yield* Db
    const { customer } = order
    const ticket = yield* db.transaction(
      Effect.gen(function* () {
        const categoryId = yield* ensureServiceOrderCategory
        return yield* insertTicket({
          title: `${customer.locale === "zh-CN" ? `${NAME.zh}：` : `${NAME.en}: `}${order.serviceName}`,
          severity: "normal",
          categoryId,
          description: describe(order),
          requester: { id: customer.id, name: customer.name, email: customer.email },
          tenant: { kind: "user", id: customer.id, name: customer.name }
        })
      })
    )
    yield* deliver(yield* mailToRequester(ticket, { kind: "created" }))
    return { ticketRef: ticket.number }
  })

/** A service calendar's hours, time zone and holidays by its key ("7x24", "5x8", "7x8"). */
export const serviceHoursByKey = (key: string) =>
  Effect.gen(function* () {
    const db = yield* Db
    const [row] = yield* db.query(
      (sql) => sql<
        { time_zone: string; days: number[]; start_minute: number; end_minute: number; holidays: string[] }[]
      >`select time_zone, days, start_minute, end_minute, holidays::text[] as holidays
        from helpdesk.calendars where key = ${key}`
    )
    if (!row) return null
    return {
      timeZone: row.time_zone,
      days: row.days.map(Number),
      startMinute: row.start_minute,
      endMinute: row.end_minute,
      holidays: row.holidays.map((d) => String(d).slice(0, 10))
    } satisfies ServiceHours
  })
