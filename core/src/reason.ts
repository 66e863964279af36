/**
 * @module Why something failed, as a code and parameters rather than a sentence, so each
 * reader gets it in their own language. The server writes the English sentence too (for
 * REST clients, the CLI and logs); the console renders the code from its message catalog
 * (`error.<code>`, with `{param}` placeholders), and falls back to the English sentence
 * when no translation is known. Plain functions: the console bundle uses them too.
 */

export type ReasonParams = Readonly<Record<string, string | number>>

/** A failure reason: `code` is dotted and starts with the plugin id, e.g. `identity.wrongCredentials`. */
export interface Reason {
  readonly code: string
  readonly params?: ReasonParams
}

/** `template` with its `{name}` placeholders filled from `params` (unknown names stay). */
export const fillTemplate = (template: string, params?: ReasonParams): string =>
  params
    ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
    : template

/** The message key a reason is rendered from in the console. */
export const reasonKey = (code: string) => `error.${code}`

/**
 * English templates of a plugin's reasons, so a server builds its error message and the
 * console its `en` catalog from one source: `defineReasons({ "helpdesk.closed": "..." })`.
 */
export const defineReasons = <const R extends Record<string, string>>(templates: R) => {
  const because = <C extends keyof R & string>(code: C, params?: ReasonParams) => ({
    reason: code,
    ...(params ? { params } : {}),
    message: fillTemplate(templates[code]!, params)
  })
  /** The templates as console messages (`error.<code>`), for a plugin's `en` catalog. */
  const messages = Object.fromEntries(
    Object.entries(templates).map(([code, text]) => [reasonKey(code), text])
  )
  return { templates, because, messages }
}
