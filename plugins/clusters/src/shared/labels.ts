/**
 * @module Kubernetes label rules (a qualified name key, a short value), as plain functions
 * both the server (decoding) and the console (instant feedback) use, with messages that
 * say what is wrong rather than only that something is.
 */

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

const nameProblem = (name: string, what: string): string | undefined => {
  if (name.length === 0) return `${what} must not be empty`
  if (name.length > 63) return `${what} must be 63 characters or fewer (it has ${name.length})`
  if (/[^-A-Za-z0-9_.]/.test(name)) return `${what} may contain only letters, digits, "-", "_" and "."`
  if (!NAME.test(name)) return `${what} must start and end with a letter or digit`
  return undefined
}

/** What is wrong with a label key (`prefix/name` or `name`), or undefined when it is valid. */
export const labelKeyProblem = (key: string): string | undefined => {
  const slash = key.indexOf("/")
  if (slash === -1) return nameProblem(key, "the key")
  const prefix = key.slice(0, slash)
  const name = key.slice(slash + 1)
  if (prefix.length === 0) return 'the key\'s prefix (before "/") must not be empty'
  if (prefix.length > 253) return "the key's prefix must be 253 characters or fewer"
  if (!prefix.split(".").every((part) => part.length <= 63 && DNS_LABEL.test(part)))
    return 'the key\'s prefix must be a DNS subdomain: lowercase letters, digits, "-" and ".", like example.com'
  return nameProblem(name, 'the key\'s name (after "/")')
}

/** What is wrong with a label value (it may be empty), or undefined when it is valid. */
export const labelValueProblem = (value: string): string | undefined =>
  value === "" ? undefined : nameProblem(value, "the value")

export interface LabelPair {
  readonly key: string
  readonly value: string
}

/** `key=value` (value may be empty) into a pair, or the reason it is not one. */
export const parseLabel = (text: string): LabelPair | { problem: string } => {
  const eq = text.indexOf("=")
  if (eq === -1) return { problem: `"${text}" is not key=value` }
  const key = text.slice(0, eq).trim()
  const value = text.slice(eq + 1).trim()
  const problem = labelKeyProblem(key) ?? labelValueProblem(value)
  return problem ? { problem: `${text}: ${problem}` } : { key, value }
}

/** A label filter as written in the URL, `a=b,c=d`, into pairs; problems name the bad part. */
export const parseLabelFilter = (text: string): { pairs: LabelPair[]; problems: string[] } => {
  const pairs: LabelPair[] = []
  const problems: string[] = []
  for (const part of text.split(",")) {
    if (part.trim() === "") continue
    const parsed = parseLabel(part.trim())
    if ("problem" in parsed) problems.push(parsed.problem)
    else pairs.push(parsed)
  }
  return { pairs, problems }
}

export const formatLabelFilter = (pairs: ReadonlyArray<LabelPair>) =>
  pairs.map((p) => `${p.key}=${p.value}`).join(",")

/** A host carries every label of the filter. */
export const carriesAll = (labels: Readonly<Record<string, string>>, pairs: ReadonlyArray<LabelPair>) =>
  pairs.every((p) => labels[p.key] === p.value)
