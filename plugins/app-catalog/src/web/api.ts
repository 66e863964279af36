/** @module The catalog pages' client, and text in the reader's language. */
import { errorMessage, locale, pluginApi, t } from "@wharf/core/web"
import type { AppCatalogRouter } from "../server/router"
import type { LocalizedText } from "../shared/definition"

export const api = pluginApi<AppCatalogRouter>("app-catalog")

export const describe = (error: unknown) => {
  const m = errorMessage(error)
  return m === "network" ? t("common.networkError") : m
}

/** A definition's text in the console's language. */
export const tr = (text: LocalizedText): string => text[locale()] ?? text.en
