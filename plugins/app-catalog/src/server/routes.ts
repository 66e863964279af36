/** @module The catalog REST API under /api/v1. */
import { defineRoutes } from "@wharf/core"
import { CatalogQuery } from "../shared/schemas"
import { getApp, listApps } from "./catalog"

export const appCatalogRoutes = defineRoutes((r) =>
  r
    .get(
      "/catalog",
      {
        summary: "Apps that can be installed; ?q= searches, ?tag= keeps one tag",
        access: "user",
        query: CatalogQuery
      },
      ({ query }) => listApps(query)
    )
    .get("/catalog/:name", { summary: "One app with its whole definition", access: "user" }, ({ params }) =>
      getApp(params.name!)
    )
)
