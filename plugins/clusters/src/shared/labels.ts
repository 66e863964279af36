/**
 * @module Kubernetes label rules (a qualified name key, a short value), as plain functions
 * both the server (decoding) and the console (instant feedback) use, with messages that
 * say what is wrong rather than only that something is.
 */
import { fillTemplate, type Reason } from "@wharf/core/reason"
import { type ClustersReason, clustersReasons } from "./reasons"

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** Which part of a label a problem is in; the console words each part in its language. */
export type LabelPart = "key" | "value" | "name"

/** A label problem: a reason code with its parameters, and the English sentence. */
export interface LabelProblem extends Reason {
  readonly message: string
}

const problem = (code: ClustersReason, text: string, params: Record<string, string | number> = {}) => {
  const p = { text, ...params }
  return { code, params: p, message: fillTemplate(clustersReasons.templates[code], p) }
}

const nameProblem = (name: string, part: LabelPart, text: string): LabelProblem | undefined => {
  if (name.length === 0) return problem("clusters.label.empty", text, { part })
  if (name.length > 63) return problem("clusters.label.tooLong", text, { part, length: name.length })
  if (/[^-A-Za-z0-9_.]/.test(name)) return problem("clusters.label.badCharacters", text, { part })
  if (!NAME.test(name)) return problem("clusters.label.badEnds", text, { part })
  return undefined
}

/** What is wrong with a label key (`prefix/name` or `name`), or undefined when it is valid. */
const labelKeyReason = (key: string, text = key): LabelProblem | undefined => {
  const slash = key.indexOf("/")
  if (slash === -1) return nameProblem(key, "key", text)
  const prefix = key.slice(0, slash)
  const name = key.slice(slash + 1)
  if (prefix.length === 0) return problem("clusters.label.emptyPrefix", text)
  if (prefix.length > 253) return problem("clusters.label.longPrefix", text)
  if (!prefix.split(".").every((part) => part.length <= 63 && DNS_LABEL.test(part)))
    return problem("clusters.label.badPrefix", text)
  return nameProblem(name, "name", text)
}

/** What is wrong with a label value (it may be empty), or undefined when it is valid. */
const labelValueReason = (value: string, text = value): LabelProblem | undefined =>
  value === "" ? undefined : nameProblem(value, "value", text)

/** The English sentence without the leading "text: ": a schema's path already names the key. */
const unprefixed = (text: string, p: LabelProblem | undefined) =>
  p?.message.startsWith(`${text}: `) ? p.message.slice(text.length + 2) : p?.message

/** The English sentences, for schema checks (the server's messages). */
export const labelKeyProblem = (key: string) => unprefixed(key, labelKeyReason(key))
export const labelValueProblem = (value: string) => unprefixed(value, labelValueReason(value))

export interface LabelPair {
  readonly key: string
  readonly value: string
}

/** `key=value` (value may be empty) into a pair, or the reason it is not one. */
export const parseLabel = (text: string): LabelPair | { problem: LabelProblem } => {
  const eq = text.indexOf("=")
  if (eq === -1) return { problem: problem("clusters.label.notKeyValue", text) }
  const key = text.slice(0, eq).trim()
  const value = text.slice(eq + 1).trim()
  const found = labelKeyReason(key, text) ?? labelValueReason(value, text)
  return found ? { problem: found } : { key, value }
}

/** A label filter as written in the URL, `a=b,c=d`, into pairs; problems name the bad part. */
export const parseLabelFilter = (text: string): { pairs: LabelPair[]; problems: string[] } => {
  const pairs: LabelPair[] = []
  const problems: string[] = []
  for (const part of text.split(",")) {
    if (part.trim() === "") continue
    const parsed = parseLabel(part.trim())
    if ("problem" in parsed) problems.push(parsed.problem.message)
    else pairs.push(parsed)
  }
  return { pairs, problems }
}

export const formatLabelFilter = (pairs: ReadonlyArray<LabelPair>) =>
  pairs.map((p) => `${p.key}=${p.value}`).join(",")

/** A host carries every label of the filter. */
export const carriesAll = (labels: Readonly<Record<string, string>>, pairs: ReadonlyArray<LabelPair>) =>
  pairs.every((p) => labels[p.key] === p.value)
