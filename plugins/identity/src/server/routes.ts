/**
 * @module Identity's REST routes: sign-in and sign-out for scripts that keep cookies, and
 * `GET /me` for any caller (session or API token).
 */
import { defineRoutes, requireViewer, WharfConfig } from "@wharf/core"
import { Effect } from "effect"
import { SignInInput } from "../shared/schemas"
import { clearedCookies, sessionCookieOf, sessionCookies } from "./cookies"
import { signIn, signOut } from "./sessions"

export const identityRoutes = defineRoutes((r) =>
  r
    .post(
      "/auth/login",
      {
        summary: "Sign in with email and password; sets the session cookie",
        access: "public",
        body: SignInInput
      },
      ({ body, c }) =>
        Effect.gen(function* () {
          const config = yield* WharfConfig
          const { viewer, session } = yield* signIn({
            ...body,
            ip: c.var.clientIp,
            userAgent: c.req.header("user-agent") ?? "",
            previousCookie: sessionCookieOf(c.req.header("cookie"))
          })
          for (const cookie of sessionCookies(session, config.secureCookies))
            c.header("Set-Cookie", cookie, { append: true })
          return {
            user: {
              id: viewer.id,
              email: viewer.email,
              name: viewer.name,
              roles: viewer.roles,
              locale: viewer.locale
            },
            csrfToken: session.csrfToken
          }
        })
    )
    .post("/auth/logout", { summary: "Sign out: ends the session", access: "public", status: 204 }, ({ c }) =>
      Effect.gen(function* () {
        const config = yield* WharfConfig
        yield* signOut(sessionCookieOf(c.req.header("cookie")))
        for (const cookie of clearedCookies(config.secureCookies))
          c.header("Set-Cookie", cookie, { append: true })
      })
    )
    .get("/me", { summary: "The signed-in user, their roles and groups", access: "user" }, () =>
      Effect.map(requireViewer, (viewer) => ({ user: viewer }))
    )
)
