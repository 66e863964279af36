import { pluginApi } from "@wharf/core/web"
import type { ManualsRouter } from "../server/router"

export const api = pluginApi<ManualsRouter>("manuals")
