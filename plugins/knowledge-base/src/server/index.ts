/**
 * @module The knowledge-base plugin: articles with revisions, search (an in-memory index
 * kept current across replicas by ArticleEvents), feedback, quick links and the REST API.
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { Layer } from "effect"
import { loadDemoKnowledgeBase } from "./demo"
import { articleEventsLayer, pruneChanges } from "./events"
import { knowledgeBaseRouter } from "./router"
import { knowledgeBaseRoutes } from "./routes"
import { kbSearchLayer } from "./search"

export const knowledgeBasePlugin = definePlugin({
  id: "knowledge-base",
  version: "0.1.0",
  description: "Knowledge base: articles, revisions, search in Chinese and English, feedback",
  dependsOn: ["identity"],
  // The ticket form's aside (helpdesk's slot) shows articles; nothing needs helpdesk enabled.
  optionalDependsOn: ["helpdesk"],
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: knowledgeBaseRouter,
  routes: knowledgeBaseRoutes,
  layer: Layer.provideMerge(kbSearchLayer, articleEventsLayer),
  jobs: [{ id: "knowledge-base.prune-changes", schedule: { every: "1 hour" }, run: pruneChanges }],
  demo: loadDemoKnowledgeBase
})

export { ArticleEvents } from "./events"
export type { KnowledgeBaseRouter } from "./router"
export { KbSearch } from "./search"
export default knowledgeBasePlugin
