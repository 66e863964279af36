/**
 * @module The `app-catalog` extension point: catalog plugins (the built-in one, vendors')
 * contribute their app definitions here. It lives in `shared` so a catalog plugin imports it
 * from `@wharf/plugin-app-catalog/shared`.
 */
import type { ExtensionPoint } from "@wharf/core"
import type { CatalogContribution } from "./catalog"

export const appCatalogs: ExtensionPoint<CatalogContribution> = { id: "app-catalog.definitions" }
