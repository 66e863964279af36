/**
 * @module Manuals and releases over tRPC: reading is public, announcing a release is for admins.
 */
import { adminProcedure, input, publicProcedure, router } from "@wharf/core"
import { Effect } from "effect"
import { ManualSearchInput, PageInput, ReleaseInput, ReleaseListInput } from "../shared/schemas"
import { getPage, listManuals, ManualsSearch } from "./manuals"
import { createRelease, listReleases } from "./releases"

export const searchManuals = (q: typeof ManualSearchInput.Type) =>
  Effect.gen(function* () {
    return yield* (yield* ManualsSearch).search(q)
  })

export const manualsRouter = router({
  list: publicProcedure.query(({ ctx }) => ctx.run(listManuals)),
  page: publicProcedure
    .input(input(PageInput))
    .query(({ ctx, input }) => ctx.run(getPage(input.product, input.version, input.slug))),
  search: publicProcedure
    .input(input(ManualSearchInput))
    .query(({ ctx, input }) => ctx.run(searchManuals(input))),
  releases: router({
    list: publicProcedure
      .input(input(ReleaseListInput))
      .query(({ ctx, input }) => ctx.run(listReleases(input.limit, input.offset))),
    create: adminProcedure
      .input(input(ReleaseInput))
      .mutation(({ ctx, input }) => ctx.run(createRelease(input)))
  })
})

export type ManualsRouter = typeof manualsRouter
