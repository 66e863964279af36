/**
 * @module How a request proves who it is: the session cookie (browsers) or
 * `Authorization: Bearer <API token>` (CLI, REST clients).
 */
import { Authenticator, Db } from "@wharf/core"
import { Effect, Layer } from "effect"
import { loadViewer } from "./accounts"
import { sessionCookieOf } from "./cookies"
import { TOKEN_PREFIX } from "./secrets"
import { sessionOf } from "./sessions"
import { tokenOwner } from "./tokens"

export const authenticatorLayer = Layer.effect(
  Authenticator,
  Effect.gen(function* () {
    const db = yield* Db
    return Authenticator.of({
      authenticate: (credentials) =>
        Effect.gen(function* () {
          const bearer = credentials.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
          if (bearer?.startsWith(TOKEN_PREFIX)) {
            const userId = yield* tokenOwner(bearer)
            const viewer = userId ? yield* loadViewer(userId) : null
            return viewer ? { viewer, via: "token" as const } : null
          }
          const cookie = sessionCookieOf(credentials.cookie)
          if (!cookie) return null
          const session = yield* sessionOf(cookie)
          const viewer = session ? yield* loadViewer(session.userId) : null
          return viewer && session ? { viewer, via: "session" as const, csrfToken: session.csrfToken } : null
        }).pipe(
          Effect.provideService(Db, db),
          // A broken database must not look like "signed out" silently: log it, answer anonymous.
          Effect.catchTag("DbError", (e) =>
            Effect.as(Effect.logError("authentication failed", e.message), null)
          )
        )
    })
  })
)
