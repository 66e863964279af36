/**
 * @module Manuals and releases over tRPC: reading is public, writing manuals is for editors
 * (agents, admins), announcing a release is for admins.
 */
import { adminProcedure, agentProcedure, input, publicProcedure, router } from "@wharf/core"
import { Effect } from "effect"
import {
  CreateManualInput,
  LocaleInput,
  ManualSearchInput,
  PageInput,
  PageRef,
  ReleaseInput,
  ReleaseListInput,
  SavePageInput
} from "../shared/schemas"
import { createManual, deletePage, pageSource, savePage } from "./editing"
import { getPage, listManuals, ManualsSearch } from "./manuals"
import { createRelease, listReleases } from "./releases"

const searchManuals = (q: typeof ManualSearchInput.Type) =>
  Effect.gen(function* () {
    return yield* (yield* ManualsSearch).search(q)
  })

export const manualsRouter = router({
  list: publicProcedure
    .input(input(LocaleInput))
    .query(({ ctx, input }) => ctx.run(listManuals(input.locale))),
  page: publicProcedure
    .input(input(PageInput))
    .query(({ ctx, input }) => ctx.run(getPage(input.product, input.version, input.slug, input.locale))),
  search: publicProcedure
    .input(input(ManualSearchInput))
    .query(({ ctx, input }) => ctx.run(searchManuals(input))),
  editor: router({
    create: agentProcedure
      .input(input(CreateManualInput))
      .mutation(({ ctx, input }) => ctx.run(createManual(input))),
    source: agentProcedure.input(input(PageRef)).query(({ ctx, input }) => ctx.run(pageSource(input))),
    save: agentProcedure.input(input(SavePageInput)).mutation(({ ctx, input }) => ctx.run(savePage(input))),
    delete: agentProcedure.input(input(PageRef)).mutation(({ ctx, input }) => ctx.run(deletePage(input)))
  }),
  releases: router({
    list: publicProcedure
      .input(input(ReleaseListInput))
      .query(({ ctx, input }) => ctx.run(listReleases(input.limit, input.offset, input.locale))),
    create: adminProcedure
      .input(input(ReleaseInput))
      .mutation(({ ctx, input }) => ctx.run(createRelease(input)))
  })
})

export type ManualsRouter = typeof manualsRouter
