/** @module The app-catalog tRPC procedures (`app-catalog.*`), thin over the same services as REST. */
import { authedProcedure, input, router } from "@wharf/core"
import { AppNameInput, CatalogQuery } from "../shared/schemas"
import { getApp, listApps } from "./catalog"

export const appCatalogRouter = router({
  list: authedProcedure.input(input(CatalogQuery)).query(({ ctx, input }) => ctx.run(listApps(input))),
  get: authedProcedure.input(input(AppNameInput)).query(({ ctx, input }) => ctx.run(getApp(input.name)))
})

export type AppCatalogRouter = typeof appCatalogRouter
