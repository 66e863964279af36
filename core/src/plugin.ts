/**
 * @module The plugin contract. A plugin is a value: what it needs (other plugins), what it
 * owns (a schema and its migrations), what it offers (procedures, REST routes, services,
 * jobs, extension points) and what it contributes to other plugins' extension points.
 */
import type { AnyTRPCRouter } from "@trpc/server"
import type { Duration, Effect, Layer } from "effect"
import type { Migration } from "./db/migrations"
import type { RestRoutes } from "./rest"
import type { SocketRoute } from "./sockets"

export type JobSchedule =
  | { readonly cron: string; readonly timeZone?: string }
  | {
      readonly every: Duration.Input
      /** A setting of the configuration's environment, in seconds, that replaces `every` when set:
       * an operator's longer cycle, a suite's shorter one. Replicas must agree on it: each
       * computes the slots from its own, and one run per slot holds only for equal slots. */
      readonly everySetting?: string
    }

export interface JobDefinition {
  /** Unique across plugins, e.g. `helpdesk.auto-close`. */
  readonly id: string
  readonly schedule: JobSchedule
  readonly run: Effect.Effect<void, unknown, any>
}

/** A typed slot other plugins fill, e.g. the app catalog's "catalog entries". */
export interface ExtensionPoint<T> {
  readonly id: string
  readonly _T?: T
}

export interface Contribution<T = unknown> {
  readonly point: ExtensionPoint<T>
  readonly value: T
}

export const defineExtensionPoint = <T>(id: string): ExtensionPoint<T> => ({ id })
export const contribute = <T>(point: ExtensionPoint<T>, value: T): Contribution<T> => ({ point, value })

export interface WharfPlugin {
  readonly id: string
  readonly version: string
  /** One line, shown in `/api/v1/plugins` and the admin console. */
  readonly description?: string
  readonly dependsOn?: ReadonlyArray<string>
  /**
   * Plugins this one works with when they are enabled, never requiring them: it contributes
   * to their extension points or slots, so it may import their `shared` as it may a dependency's.
   */
  readonly optionalDependsOn?: ReadonlyArray<string>
  readonly migrations?: ReadonlyArray<Migration>
  /** tRPC procedures, mounted under the plugin id (`identity.users.list`). */
  readonly router?: AnyTRPCRouter
  /** REST routes, mounted under `/api/v1`. */
  readonly routes?: RestRoutes
  /** WebSocket endpoints, mounted under `/api/v1` (a terminal). */
  readonly sockets?: ReadonlyArray<SocketRoute>
  /** The plugin's services; may use core's and those of the plugins it depends on. */
  readonly layer?: Layer.Layer<any, any, any>
  readonly jobs?: ReadonlyArray<JobDefinition>
  readonly extensionPoints?: ReadonlyArray<ExtensionPoint<unknown>>
  readonly contributions?: ReadonlyArray<Contribution<any>>
  /** Runs at every start after migrations (e.g. ensure the first admin exists). */
  readonly onStart?: Effect.Effect<void, unknown, any>
  /** Loads demo content the first time the plugin's schema is created (unless WHARF_DEMO=0). */
  readonly demo?: Effect.Effect<void, unknown, any>
}

export const definePlugin = <const P extends WharfPlugin>(plugin: P): P => plugin
