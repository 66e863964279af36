/**
 * @module Who signs people in, as the console sees it: the one plugin that contributes a
 * `SessionClient` (identity). Core calls it and never names the plugin, so a console built
 * without it simply has nobody signed in.
 */
import type { SessionInfo } from "../console-boot"
import type { Locale } from "../roles"

export interface SessionClient {
  /** Who the server says is signed in, or null. */
  readonly me: () => Promise<SessionInfo | null>
  /** Sign in; rejects with the server's error when the credentials are wrong. */
  readonly signIn: (email: string, password: string) => Promise<SessionInfo>
  readonly signOut: () => Promise<unknown>
  /** Remember the viewer's language on their profile. */
  readonly saveLocale: (locale: Locale) => Promise<unknown>
  /** Headers every call to the server carries for this session (its CSRF token). */
  readonly requestHeaders: () => Record<string, string>
  /** Procedures whose UNAUTHORIZED answer means "wrong credentials", not "session lost". */
  readonly credentialProcedures: ReadonlyArray<string>
}

let current: SessionClient | null = null

/** Set by `registerPlugins` from the plugin that contributes one. */
export const setSessionClient = (client: SessionClient | null) => {
  current = client
}

export const sessionClient = () => current

/** The session's headers for a call to the server (none when nobody can sign in). */
export const sessionHeaders = (): Record<string, string> => current?.requestHeaders() ?? {}
