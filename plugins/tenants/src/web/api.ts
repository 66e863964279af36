/** @module The tenants pages' client. */
import { pluginApi } from "@wharf/core/web"
import type { TenantsRouter } from "../server/router"

export const api = pluginApi<TenantsRouter>("tenants")
