/**
 * @module `AppCatalog`, the service other plugins use to read the catalog (the console and
 * REST go through the app-catalog plugin's own API). Implemented by the app-catalog layer.
 */
import { Context } from "effect"
import type { Catalog, CatalogEntry } from "./catalog"

export class AppCatalog extends Context.Service<
  AppCatalog,
  {
    readonly catalog: Catalog
    readonly get: (app: string) => CatalogEntry | undefined
  }
>()("wharf/app-catalog/AppCatalog") {}
