/**
 * @module The identity pages' client of the identity router, and how its failures read.
 */
import { errorMessage, pluginApi, t } from "@wharf/core/web"
import type { IdentityRouter } from "../server/router"

export const api = pluginApi<IdentityRouter>("identity")

/** The server's message for a failed call, or the network hint in the current language. */
export const describe = (error: unknown) => {
  const m = errorMessage(error)
  return m === "network" ? t("common.networkError") : m
}
