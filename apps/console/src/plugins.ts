/**
 * @module Every console plugin this build knows, loaded on demand: the shell imports only
 * the ones the server reports enabled. Adding a plugin to the console is one line here.
 */
import type { ConsolePlugin } from "@wharf/core/web"

type Loader = () => Promise<{ default: ConsolePlugin }>

export const consolePlugins: Record<string, Loader> = {
  identity: () => import("@wharf/plugin-identity/web"),
  helpdesk: () => import("@wharf/plugin-helpdesk/web"),
  "knowledge-base": () => import("@wharf/plugin-knowledge-base/web"),
  manuals: () => import("@wharf/plugin-manuals/web"),
  support: () => import("@wharf/plugin-support/web"),
  clusters: () => import("@wharf/plugin-clusters/web"),
  tenants: () => import("@wharf/plugin-tenants/web"),
  "app-catalog": () => import("@wharf/plugin-app-catalog/web"),
  // Enabled only by the browser suites' server, to prove the plugin contract end to end.
  "contract-test": () => import("@wharf/fixture-test-plugin/web")
}
