/**
 * @module The knowledge-base plugin: articles with revisions, search (an in-memory index
 * kept current across replicas by core's Events), feedback, quick links and the REST API.
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { loadDemoKnowledgeBase } from "./demo"
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
  layer: kbSearchLayer,
  demo: loadDemoKnowledgeBase
})

export type { KnowledgeBaseRouter } from "./router"
export { KbSearch } from "./search"
export default knowledgeBasePlugin
