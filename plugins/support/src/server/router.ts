/**
 * @module Support over tRPC: channels with their live state, the premium services
 * catalog and orders, and the FAQ.
 */
import { adminProcedure, authedProcedure, input, publicProcedure, router } from "@wharf/core"
import { Effect } from "effect"
import { scope } from "../shared/content"
import {
  FaqInput,
  FaqListInput,
  IdInput,
  OrderInput,
  ServiceInput,
  UpdateFaqInput,
  UpdateServiceInput
} from "../shared/schemas"
import { createFaq, deleteFaq, FaqIndex, updateFaq } from "./faq"
import { channelsNow } from "./hours"
import {
  createService,
  listOrders,
  listServices,
  orderService,
  retireService,
  ticketingAvailable,
  updateService
} from "./services"

export const listFaq = (q: typeof FaqListInput.Type) =>
  Effect.gen(function* () {
    return yield* (yield* FaqIndex).list(q)
  })

export const supportRouter = router({
  overview: publicProcedure.query(({ ctx }) =>
    ctx.run(Effect.map(channelsNow(), (channels) => ({ scope, channels })))
  ),
  services: router({
    list: publicProcedure.query(({ ctx }) => ctx.run(listServices)),
    create: adminProcedure
      .input(input(ServiceInput))
      .mutation(({ ctx, input }) => ctx.run(createService(input))),
    update: adminProcedure
      .input(input(UpdateServiceInput))
      .mutation(({ ctx, input }) => ctx.run(updateService(input))),
    retire: adminProcedure
      .input(input(IdInput))
      .mutation(({ ctx, input }) => ctx.run(Effect.as(retireService(input.id), { ok: true as const }))),
    order: authedProcedure
      .input(input(OrderInput))
      .mutation(({ ctx, input }) => ctx.run(orderService(input.serviceId, input.note))),
    orders: authedProcedure.query(({ ctx }) => ctx.run(listOrders)),
    /** Whether orders become tickets here (the helpdesk is enabled), for the console to say so. */
    ticketing: publicProcedure.query(({ ctx }) =>
      ctx.run(Effect.map(ticketingAvailable, (enabled) => ({ enabled })))
    )
  }),
  faq: router({
    list: publicProcedure.input(input(FaqListInput)).query(({ ctx, input }) => ctx.run(listFaq(input))),
    create: adminProcedure.input(input(FaqInput)).mutation(({ ctx, input }) => ctx.run(createFaq(input))),
    update: adminProcedure
      .input(input(UpdateFaqInput))
      .mutation(({ ctx, input }) => ctx.run(updateFaq(input))),
    delete: adminProcedure.input(input(IdInput)).mutation(({ ctx, input }) => ctx.run(deleteFaq(input.id)))
  })
})

export type SupportRouter = typeof supportRouter
