/**
 * @module The session and CSRF cookies. The session cookie is HttpOnly (scripts never see
 * it); the CSRF cookie is readable so the console can echo it in a header on changes.
 */
import { parse, serialize } from "hono/utils/cookie"
import { CSRF_COOKIE, SESSION_COOKIE } from "../shared/types"
import type { NewSession } from "./sessions"

export const sessionCookieOf = (cookieHeader: string | undefined) =>
  cookieHeader ? parse(cookieHeader, SESSION_COOKIE)[SESSION_COOKIE] : undefined

export const sessionCookies = (session: NewSession, secure: boolean) => [
  serialize(SESSION_COOKIE, session.cookie, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure,
    expires: session.expiresAt
  }),
  serialize(CSRF_COOKIE, session.csrfToken, {
    sameSite: "Lax",
    path: "/",
    secure,
    expires: session.expiresAt
  })
]

export const clearedCookies = (secure: boolean) => [
  serialize(SESSION_COOKIE, "", { httpOnly: true, sameSite: "Lax", path: "/", secure, maxAge: 0 }),
  serialize(CSRF_COOKIE, "", { sameSite: "Lax", path: "/", secure, maxAge: 0 })
]
