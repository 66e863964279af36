/**
 * @module What the server writes into the console's page (index.html) so the console starts
 * without asking: the enabled plugins and who is signed in. Plain types and functions, free of
 * Effect, so the console bundle reads the same shapes the server writes.
 */
import type { Locale, Role, Viewer } from "./roles"

/** The id of the page's `<script type="application/json">` block (data, not code: CSP allows it). */
export const CONSOLE_BOOT_ID = "wharf-boot"

/** One enabled plugin, as `/api/v1/plugins` lists it. */
export interface PluginInfo {
  readonly id: string
  readonly version: string
  readonly description: string | null
  readonly dependsOn: ReadonlyArray<string>
}

/** The signed-in viewer as the console keeps it (`identity.session.me` answers the same). */
export interface SessionInfo {
  readonly user: {
    readonly id: string
    readonly email: string
    readonly name: string
    readonly locale: Locale
    readonly roles: ReadonlyArray<Role>
  }
  readonly groups: Viewer["groups"]
}

export interface ConsoleBoot {
  readonly plugins: ReadonlyArray<PluginInfo>
  /** Null for a visitor who is not signed in. */
  readonly session: SessionInfo | null
}

export const sessionInfoOf = (viewer: Viewer): SessionInfo => ({
  user: { id: viewer.id, email: viewer.email, name: viewer.name, locale: viewer.locale, roles: viewer.roles },
  groups: viewer.groups
})

/**
 * JSON that can sit inside an HTML `<script>` element: `<` (so no `</script>` or `<!--` can
 * end or change it), `>` and `&` written as JSON escapes, which `JSON.parse` reads back as is.
 */
export const jsonForHtml = (value: unknown) =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  )
