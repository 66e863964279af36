/**
 * @module REST: support channels with their live state, the services catalog, the FAQ.
 */
import { defineRoutes } from "@wharf/core"
import { Effect } from "effect"
import { FaqListInput } from "../shared/schemas"
import { channelsNow } from "./hours"
import { listFaq } from "./router"
import { listServices } from "./services"

export const supportRoutes = defineRoutes((r) =>
  r
    .get(
      "/support/channels",
      { summary: "Support channels, service hours and whether each is open now", access: "public" },
      () => Effect.map(channelsNow(), (items) => ({ items }))
    )
    .get("/support/services", { summary: "Premium on-demand services", access: "public" }, () =>
      Effect.map(listServices, (items) => ({ items }))
    )
    .get(
      "/support/faq",
      { summary: "Frequently asked questions; q searches them", access: "public", query: FaqListInput },
      ({ query }) => Effect.map(listFaq(query), (items) => ({ items }))
    )
)
