/**
 * @module The identity plugin: users, groups (leasees), roles, sessions and API tokens.
 * It implements core's `Authenticator`, so every other plugin knows who is asking, and
 * offers `Directory` (shared) so they can look people and groups up.
 */
import { definePlugin, readMigrations } from "@wharf/core"
import { Layer } from "effect"
import { authenticatorLayer } from "./authenticator"
import { ensureFirstAdmin } from "./bootstrap"
import { loadDemoIdentity } from "./demo"
import { directoryLayer } from "./directory"
import { identityRouter } from "./router"
import { identityRoutes } from "./routes"
import { pruneSessions } from "./sessions"

export const identityPlugin = definePlugin({
  id: "identity",
  version: "0.1.0",
  description: "Users, groups (leasees), roles, sign-in and API tokens",
  migrations: readMigrations(new URL("../../migrations/", import.meta.url)),
  router: identityRouter,
  routes: identityRoutes,
  layer: Layer.merge(authenticatorLayer, directoryLayer),
  jobs: [{ id: "identity.prune-sessions", schedule: { every: "1 hour" }, run: pruneSessions }],
  onStart: ensureFirstAdmin,
  demo: loadDemoIdentity
})

export type { IdentityRouter } from "./router"
export default identityPlugin
