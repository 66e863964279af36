/**
 * @module How the console signs people in, through identity's router: core's
 * `SessionClient`. The session cookie is HttpOnly; the CSRF token's cookie is readable, and
 * every call sends it back in core's `CSRF_HEADER` (the host compares the two).
 */
import { CSRF_HEADER, type SessionClient } from "@wharf/core/web"
import { CSRF_COOKIE } from "../shared/types"
import { api } from "./api"

const csrfToken = () =>
  typeof document === "undefined"
    ? undefined
    : document.cookie
        .split("; ")
        .find((c) => c.startsWith(`${CSRF_COOKIE}=`))
        ?.slice(CSRF_COOKIE.length + 1)

export const identitySession: SessionClient = {
  me: () => api.session.me.query(),
  signIn: (email, password) => api.session.signIn.mutate({ email, password }),
  signOut: () => api.session.signOut.mutate(),
  saveLocale: (locale) => api.profile.setLocale.mutate({ locale }),
  requestHeaders: (): Record<string, string> => {
    const token = csrfToken()
    return token ? { [CSRF_HEADER]: token } : {}
  },
  credentialProcedures: ["identity.session.signIn"]
}
