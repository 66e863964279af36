/**
 * @module The header a change made with a session cookie carries its CSRF token in. The
 * host checks it against the token the authenticator found for the session (see
 * `Authentication.csrfToken`); the plugin that owns sessions sets the token and tells the
 * console how to send it.
 */
export const CSRF_HEADER = "x-csrf-token"
