/**
 * @module REST: the manuals list, releases (newest first) and their Atom feed.
 */
import { defineRoutes } from "@wharf/core"
import { Effect } from "effect"
import { ReleaseInput } from "../shared/schemas"
import { listManuals } from "./manuals"
import { atomFeed, createRelease, listReleases } from "./releases"

export const manualsRoutes = defineRoutes((r) =>
  r
    .get(
      "/manuals",
      { summary: "Every manual; the newest version of each product is marked latest", access: "public" },
      () => Effect.map(listManuals, (items) => ({ items }))
    )
    .get("/releases", { summary: "Release announcements, newest first", access: "public" }, () =>
      listReleases(100, 0)
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
