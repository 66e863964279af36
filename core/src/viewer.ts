/**
 * @module Who is asking. The identity plugin implements `Authenticator`; core only knows
 * the shape of a `Viewer`, so every plugin can ask "who" without importing identity.
 */
import { Context, Effect } from "effect"
import { Forbidden, Unauthorized } from "./errors"
import { hasRole, type Role, type Viewer } from "./roles"

export * from "./roles"

export interface Authentication {
  readonly viewer: Viewer
  /** A browser session (cookie, needs a CSRF token for changes) or an API token (Bearer). */
  readonly via: "session" | "token"
  readonly csrfToken?: string
}

export interface Credentials {
  readonly cookie: string | undefined
  readonly authorization: string | undefined
}

export class Authenticator extends Context.Service<
  Authenticator,
  { readonly authenticate: (credentials: Credentials) => Effect.Effect<Authentication | null> }
>()("wharf/Authenticator") {}

/** Without the identity plugin nobody is signed in. */
export const nobodyAuthenticator = Authenticator.of({ authenticate: () => Effect.succeed(null) })

/** The viewer of the current request; null for anonymous callers and for jobs. */
export const CurrentViewer = Context.Reference<Viewer | null>("wharf/CurrentViewer", {
  defaultValue: () => null
})

/** The signed-in viewer, or `Unauthorized`. */
export const requireViewer = Effect.gen(function* () {
  const viewer = yield* CurrentViewer
  if (!viewer)
    return yield* new Unauthorized({ message: "Sign in to continue", reason: "core.signInRequired" })
  return viewer
})

/** The signed-in viewer if they hold one of `roles`, else `Forbidden`. */
export const requireRole = (...roles: ReadonlyArray<Role>) =>
  Effect.gen(function* () {
    const viewer = yield* requireViewer
    if (!hasRole(viewer, ...roles)) {
      return yield* new Forbidden({
        message: `This needs the ${roles.join(" or ")} role`,
        reason: "core.roleRequired",
        params: { roles: roles.join(" / ") }
      })
    }
    return viewer
  })
