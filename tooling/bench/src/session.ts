/** @module A benchmark's sign-in over HTTP, as the console does it: the cookies and the CSRF token. */

export interface BenchSession {
  /** The `Cookie` header to send (session and CSRF cookies). */
  readonly cookie: string
  /** The `x-csrf-token` header a cookie-authenticated change needs. */
  readonly csrfToken: string
}

export const signIn = async (
  base: string,
  credentials: { readonly email: string; readonly password: string }
): Promise<BenchSession> => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials)
  })
  if (!res.ok) throw new Error(`sign-in of ${credentials.email} failed: ${res.status}`)
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!)
  const csrfToken = cookies.find((c) => c.startsWith("wharf_csrf="))?.split("=")[1] ?? ""
  return { cookie: cookies.join("; "), csrfToken }
}
