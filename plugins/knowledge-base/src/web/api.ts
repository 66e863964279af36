import { pluginApi } from "@wharf/core/web"
import type { KnowledgeBaseRouter } from "../server/router"

export const api = pluginApi<KnowledgeBaseRouter>("knowledge-base")
