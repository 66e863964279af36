/**
 * @module Every change a set of plugins declares: each tRPC mutation (by its path) and each
 * REST route that is not a read (as `plugin:METHOD /path`), named as the audit log names them.
 */
import type { AnyTRPCProcedure } from "@trpc/server"
import type { WharfPlugin } from "@wharf/core"

/** How the audit log names a REST change: its plugin, method and route, e.g. `helpdesk:POST /tickets`. */
export const restChangeAction = (plugin: string, method: string, route: string) =>
  `${plugin}:${method.toUpperCase()} ${route}`

export const declaredChanges = (plugins: ReadonlyArray<WharfPlugin>): ReadonlyArray<string> =>
  plugins.flatMap((plugin) => {
    const procedures = (plugin.router?._def.procedures ?? {}) as Record<string, AnyTRPCProcedure>
    const mutations = Object.entries(procedures)
      .filter(([, p]) => (p._def as { type: string }).type === "mutation")
      .map(([path]) => `${plugin.id}.${path}`)
    const routes = (plugin.routes?.operations ?? [])
      .filter((op) => op.method !== "get")
      .map((op) => restChangeAction(plugin.id, op.method, op.path))
    return [...mutations, ...routes]
  })

/** A folder where each test process lists the changes it saw audited (see `audit-coverage.ts`). */
export const AUDITED_CHANGES_ENV = "WHARF_AUDITED_CHANGES"
