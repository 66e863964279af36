/**
 * @module Every plugin this build of Wharf knows. Configuration picks which are enabled;
 * the rest contribute nothing.
 */
import type { WharfPlugin } from "@wharf/core"
import { appCatalogPlugin } from "@wharf/plugin-app-catalog/server"
import { catalogBuiltinPlugin } from "@wharf/plugin-catalog-builtin/server"
import { clustersPlugin } from "@wharf/plugin-clusters/server"
import { helpdeskPlugin } from "@wharf/plugin-helpdesk/server"
import { identityPlugin } from "@wharf/plugin-identity/server"
import { knowledgeBasePlugin } from "@wharf/plugin-knowledge-base/server"
import { manualsPlugin } from "@wharf/plugin-manuals/server"
import { supportPlugin } from "@wharf/plugin-support/server"
import { tenantsPlugin } from "@wharf/plugin-tenants/server"

export const availablePlugins: ReadonlyArray<WharfPlugin> = [
  identityPlugin,
  clustersPlugin,
  tenantsPlugin,
  appCatalogPlugin,
  catalogBuiltinPlugin,
  knowledgeBasePlugin,
  manualsPlugin,
  supportPlugin,
  helpdeskPlugin
]

/** Enabled when configuration names none. */
export const defaultPlugins = availablePlugins.map((p) => p.id)
