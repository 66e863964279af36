/** @module The tenants pages' client. */
import { errorMessage, pluginApi, t } from "@wharf/core/web"
import type { TenantsRouter } from "../server/router"

export const api = pluginApi<TenantsRouter>("tenants")

export const describe = (error: unknown) => {
  const m = errorMessage(error)
  return m === "network" ? t("common.networkError") : m
}
