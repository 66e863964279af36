/**
 * @module REST: the manuals list, releases (newest first) and their Atom feed.
 */
import { defineRoutes } from "@wharf/core"
import { Effect } from "effect"
import { CreateManualInput, LocaleInput, PageBody, ReleaseInput } from "../shared/schemas"
import { createManual, putPage } from "./editing"
import { listManuals } from "./manuals"
import { atomFeed, createRelease, listReleases } from "./releases"

export const manualsRoutes = defineRoutes((r) =>
  r
    .get(
      "/manuals",
      {
        summary: "Every manual; the newest version of each product is marked latest; titles in ?locale",
        access: "public",
        query: LocaleInput
      },
      ({ query }) => Effect.map(listManuals(query.locale), (items) => ({ items }))
    )
    .post(
      "/manuals",
      {
        summary: "Start a manual version, empty or copied from an earlier version (agents, admins)",
        access: "agent",
        body: CreateManualInput,
        status: 201
      },
      ({ body }) => createManual(body)
    )
    .put(
      "/manuals/:product/:version/pages/:slug",
      { summary: "Create or replace a manual page (agents, admins)", access: "agent", body: PageBody },
      ({ params, body }) => putPage(params.product ?? "", params.version ?? "", params.slug ?? "", body)
    )
    .get(
      "/releases",
      {
        summary: "Release announcements, newest first, in ?locale when translated",
        access: "public",
        query: LocaleInput
      },
      ({ query }) => listReleases(100, 0, query.locale)
    )
    .post(
      "/releases",
      { summary: "Announce a release (admins)", access: "admin", body: ReleaseInput, status: 201 },
      ({ body }) => createRelease(body)
    )
    .get(
      "/releases/feed.xml",
      { summary: "Release announcements as an Atom feed", access: "public" },
      () => atomFeed
    )
)
