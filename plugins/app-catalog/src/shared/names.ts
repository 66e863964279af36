/**
 * @module Instance names. They become Kubernetes names (`<instance>-<role>-hl` must stay a
 * 63-character DNS label, a StatefulSet's pods add a hash), so they are DNS labels of at most
 * 36 characters. A name left empty is generated from the app's, like `redis-nun6`.
 */

const INSTANCE_NAME_MAX = 36

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

/** Why this cannot be an instance name, or null when it can. */
export const instanceNameProblem = (name: string): string | null => {
  if (name.length > INSTANCE_NAME_MAX) return `must be at most ${INSTANCE_NAME_MAX} characters`
  if (!DNS_LABEL.test(name))
    return "must be lowercase letters, digits or dashes, start with a letter and end with a letter or digit"
  return null
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

/** `<app>-<4 random letters or digits>`; `random` returns numbers in [0, 1). */
export const generateInstanceName = (app: string, random: () => number = Math.random): string => {
  let suffix = ""
  for (let i = 0; i < 4; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return `${app.slice(0, INSTANCE_NAME_MAX - 5)}-${suffix}`
}
