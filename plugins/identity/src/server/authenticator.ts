/**
 * @module How a request proves who it is: the session cookie (browsers) or
 * `Authorization: Bearer <API token>` (CLI, REST clients). Sessions and viewers are
 * remembered for a few seconds (./sign-in-cache.ts); an API token is checked on every
 * request, since its check also records when it was last used.
 */
import { Authenticator, Db, type Viewer } from "@wharf/core"
import { Effect, Layer } from "effect"
import { SessionChanges } from "../shared/session-changes"
import { loadViewer } from "./accounts"
import { sessionCookieOf } from "./cookies"
import { sha256, TOKEN_PREFIX } from "./secrets"
import { sessionOf } from "./sessions"
import { SignInCache, signInCacheLayer } from "./sign-in-cache"
import { tokenOwner } from "./tokens"

const authenticator = Layer.effect(
  Authenticator,
  Effect.gen(function* () {
    const db = yield* Db
    const cache = yield* SignInCache
    const viewerOf = (userId: string) => {
      const hit = cache.viewer(userId)
      if (hit) return Effect.succeed(hit)
      const ticket = cache.ticket()
      return Effect.map(loadViewer(userId), (viewer): Viewer | null => {
        if (viewer) cache.rememberViewer(ticket, viewer)
        return viewer
      })
    }
    const sessionFor = (cookie: string) => {
      const id = sha256(cookie)
      const hit = cache.session(id)
      if (hit) return Effect.succeed(hit)
      const ticket = cache.ticket()
      return Effect.map(sessionOf(cookie), (session) => {
        if (session) cache.rememberSession(ticket, id, session)
        return session
      })
    }
    return Authenticator.of({
      authenticate: (credentials) =>
        Effect.gen(function* () {
          const bearer = credentials.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
          if (bearer?.startsWith(TOKEN_PREFIX)) {
            const userId = yield* tokenOwner(bearer)
            const viewer = userId ? yield* viewerOf(userId) : null
            return viewer ? { viewer, via: "token" as const } : null
          }
          const cookie = sessionCookieOf(credentials.cookie)
          if (!cookie) return null
          const session = yield* sessionFor(cookie)
          const viewer = session ? yield* viewerOf(session.userId) : null
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

/** Other plugins hear of possible sign-outs through the cache's forgets (identity's shared `SessionChanges`). */
const sessionChanges = Layer.effect(
  SessionChanges,
  Effect.gen(function* () {
    const cache = yield* SignInCache
    return SessionChanges.of({ subscribe: cache.onForget })
  })
)

export const authenticatorLayer = Layer.provideMerge(
  Layer.merge(authenticator, sessionChanges),
  signInCacheLayer
)
