/**
 * @module The identity pages' client of the identity router.
 */
import { pluginApi } from "@wharf/core/web"
import type { IdentityRouter } from "../server/router"

export const api = pluginApi<IdentityRouter>("identity")
