import { pluginApi } from "@wharf/core/web"
import type { helloPlugin } from "../server"

export const api = pluginApi<(typeof helloPlugin)["router"]>("hello")
