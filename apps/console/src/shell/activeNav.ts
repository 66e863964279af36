/**
 * @module Which navigation entry a page belongs to: the entry with the longest path that
 * contains the page, so `/support/tickets/10001` lights up the ticket queue and not the
 * support home at `/support`.
 */

// Home (`/`) holds only itself: it is no section's parent of every page.
const contains = (entryPath: string, pathname: string) =>
  pathname === entryPath ||
  (entryPath !== "/" && pathname.startsWith(entryPath.endsWith("/") ? entryPath : `${entryPath}/`))

export const activeNavPath = (entryPaths: ReadonlyArray<string>, pathname: string): string | undefined =>
  entryPaths
    .filter((path) => contains(path, pathname))
    .reduce<string | undefined>(
      (best, path) => (best === undefined || path.length > best.length ? path : best),
      undefined
    )
