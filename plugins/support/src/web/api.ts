import { pluginApi } from "@wharf/core/web"
import type { SupportRouter } from "../server/router"

export const api = pluginApi<SupportRouter>("support")
