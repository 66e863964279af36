/**
 * @module Where to go after signing in: only a path inside the console, so a crafted
 * `?next=` link cannot send the user to another site.
 */

export const safeNext = (next: string | string[] | undefined): string => {
  const value = Array.isArray(next) ? next[0] : next
  // "//host" and "/\host" are other sites to a browser; so is anything with a scheme.
  if (!value?.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/"
  return value === "/sign-in" || value.startsWith("/sign-in?") ? "/" : value
}

/** The sign-in link that brings the user back to `path` afterwards. */
export const signInHref = (path: string) => `/sign-in?next=${encodeURIComponent(path)}`
