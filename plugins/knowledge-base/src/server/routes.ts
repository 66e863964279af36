/**
 * @module REST: search and articles under /api/v1/kb, for scripts and other systems.
 */
import { defineRoutes } from "@wharf/core"
import { Effect, Schema } from "effect"
import { CreateArticleInput, SearchQuery, Status } from "../shared/schemas"
import { createArticle, getArticle } from "./articles"
import { editorList, recent } from "./engagement"
import { searchArticles } from "./router"

const ListQuery = Schema.Struct({ status: Schema.optional(Status) })

export const knowledgeBaseRoutes = defineRoutes((r) =>
  r
    .get(
      "/kb/search",
      {
        summary: "Search published articles (ranked, highlighted, with a total)",
        access: "public",
        query: SearchQuery
      },
      ({ query }) => searchArticles(query)
    )
    .get(
      "/kb/articles",
      {
        summary: "Recently updated published articles; editors may filter by status (draft, published)",
        access: "public",
        query: ListQuery
      },
      // A status filter is the editors' list (drafts included), so it needs the agent role.
      ({ query }) =>
        query.status
          ? editorList({ status: query.status, limit: 100, offset: 0 })
          : Effect.map(recent(undefined), (items) => ({ items, total: items.length }))
    )
    .get("/kb/articles/:id", { summary: "One article, rendered", access: "public" }, ({ params }) =>
      getArticle(params.id ?? "")
    )
    .post(
      "/kb/articles",
      {
        summary: "Create an article (agents, admins)",
        access: "agent",
        body: CreateArticleInput,
        status: 201
      },
      ({ body }) => createArticle(body)
    )
)
