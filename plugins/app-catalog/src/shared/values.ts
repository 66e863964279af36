/**
 * @module A user's settings for one instance, checked against its definition's fields: every
 * field gets its default when not given, text from the CLI (`4Gi`, `500m`, `true`) is read in
 * the field's unit, and each problem names the field.
 */
import type { AppDefinition, ConfigField, EnvRows, FieldValue } from "./definition"

export type Values = Readonly<Record<string, FieldValue>>

export interface FieldProblem {
  readonly field: string
  readonly message: string
}

const MEMORY_UNITS: Record<string, number> = {
  "": 1,
  mi: 1,
  m: 1,
  mb: 1,
  gi: 1024,
  g: 1024,
  gb: 1024,
  ti: 1024 * 1024,
  t: 1024 * 1024,
  ki: 1 / 1024,
  k: 1 / 1024
}

/** "4Gi", "1G", "512", "512Mi" as MiB; NaN when unreadable. */
const parseMemoryMiB = (text: string): number => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text)
  if (!m) return Number.NaN
  const unit = MEMORY_UNITS[m[2]!.toLowerCase()]
  return unit === undefined ? Number.NaN : Number(m[1]) * unit
}

/** "1", "0.5", "500m" as cores; NaN when unreadable. */
const parseCpuCores = (text: string): number => {
  const m = /^\s*(\d+(?:\.\d+)?)(m?)\s*$/.exec(text)
  if (!m) return Number.NaN
  return m[2] === "m" ? Number(m[1]) / 1000 : Number(m[1])
}

const isEnvRows = (v: unknown): v is EnvRows =>
  Array.isArray(v) &&
  v.every(
    (r) => typeof r === "object" && r !== null && typeof r.name === "string" && typeof r.value === "string"
  )

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/

const numberOf = (field: ConfigField, raw: unknown): number => {
  if (typeof raw === "number") return raw
  if (typeof raw !== "string") return Number.NaN
  if (field.type === "memory" || field.type === "storage") return parseMemoryMiB(raw)
  if (field.type === "cpu") return parseCpuCores(raw)
  return raw.trim() === "" ? Number.NaN : Number(raw)
}

/** One field's value from what the user gave; a problem in words when it does not fit. */
export const readField = (field: ConfigField, raw: unknown): FieldValue | { problem: string } => {
  switch (field.type) {
    case "int":
    case "number":
    case "cpu":
    case "memory":
    case "storage": {
      const n = numberOf(field, raw)
      if (!Number.isFinite(n)) return { problem: "must be a number" }
      if (
        (field.type === "int" || field.type === "memory" || field.type === "storage") &&
        !Number.isInteger(n)
      )
        return { problem: "must be a whole number" }
      if (field.min !== undefined && n < field.min) return { problem: `must be at least ${field.min}` }
      if (field.max !== undefined && n > field.max) return { problem: `must be at most ${field.max}` }
      return n
    }
    case "boolean":
      if (typeof raw === "boolean") return raw
      if (raw === "true" || raw === "false") return raw === "true"
      return { problem: "must be true or false" }
    case "enum":
      if (typeof raw === "string" && (field.options ?? []).includes(raw)) return raw
      return { problem: `must be one of ${(field.options ?? []).join(", ")}` }
    case "string":
    case "image": {
      if (typeof raw !== "string") return { problem: "must be text" }
      if (field.type === "image" && !/^[^\s]+$/.test(raw))
        return { problem: "must be an image reference, like redis:7.2" }
      if (raw.length > 1024) return { problem: "must be at most 1024 characters" }
      return raw
    }
    case "env": {
      if (!isEnvRows(raw)) return { problem: "must be a list of { name, value }" }
      const bad = raw.find((r) => !ENV_NAME.test(r.name))
      if (bad) return { problem: `"${bad.name}" is not a valid environment variable name` }
      return raw.map((r) => ({ name: r.name, value: r.value }))
    }
  }
}

/** Every field of the definition, given or defaulted; unknown keys are problems too. */
export const resolveValues = (
  definition: AppDefinition,
  given: Readonly<Record<string, unknown>>
): { readonly values: Values; readonly problems: ReadonlyArray<FieldProblem> } => {
  const values: Record<string, FieldValue> = {}
  const problems: FieldProblem[] = []
  for (const field of definition.fields) {
    const raw = given[field.key]
    if (raw === undefined) {
      values[field.key] = field.default
      continue
    }
    const read = readField(field, raw)
    if (typeof read === "object" && read !== null && "problem" in read)
      problems.push({ field: field.key, message: read.problem })
    else values[field.key] = read
  }
  for (const key of Object.keys(given))
    if (!definition.fields.some((f) => f.key === key))
      problems.push({ field: key, message: `${definition.title} has no setting "${key}"` })
  return { values, problems }
}

/** The instance's priority (0 is the lowest), from its `priority` field. */
export const priorityOf = (values: Values): number => {
  const p = values.priority
  return typeof p === "number" ? p : 0
}
