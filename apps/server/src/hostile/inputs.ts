/**
 * @module Inputs for the hostile-input suite, built from the JSON Schema of a route's body
 * or a procedure's input: one plausible value, then the same value with one field at a time
 * replaced by something a hostile client sends. The schema is the only knowledge used, so a
 * route or procedure added tomorrow is swept the day it is added.
 */

export interface JsonSchema {
  readonly $ref?: string
  readonly type?: string | ReadonlyArray<string>
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly items?: JsonSchema
  readonly anyOf?: ReadonlyArray<JsonSchema>
  readonly oneOf?: ReadonlyArray<JsonSchema>
  readonly allOf?: ReadonlyArray<JsonSchema>
  readonly enum?: ReadonlyArray<unknown>
  readonly const?: unknown
  readonly minLength?: number
  readonly minimum?: number
  readonly minItems?: number
  readonly format?: string
  readonly additionalProperties?: JsonSchema | boolean
}

export type Definitions = Readonly<Record<string, JsonSchema>>

/**
 * What a hostile client puts in a text field: a badly encoded escape, a path, a number
 * past int4, impossible and non-existent dates, a lone surrogate, a NUL, a right-to-left
 * override, and markup.
 */
export const hostileStrings: ReadonlyArray<string> = [
  "%ff",
  "../../../etc/passwd",
  "2147483648",
  "2026-13-45",
  "2026-02-30",
  "\ud800",
  "a\u0000b",
  "\u202egpj.exe",
  "<img src=x onerror=alert(1)>",
  ""
]

/** Dates that do not exist: a field whose schema says `format: "date"` must refuse them (4xx). */
export const impossibleDates: ReadonlyArray<string> = ["2026-13-45", "2026-02-30"]

/** What a hostile client puts in a number field. */
const hostileNumbers: ReadonlyArray<number> = [2147483648, -1, 1.5, 1e300]

/** What a hostile client puts in a path segment (each URL-encoded as a client would, except `%ff`). */
export const hostileSegments: ReadonlyArray<string> = [
  "%ff",
  encodeURIComponent("../../../etc/passwd"),
  "2147483648",
  "-1",
  "2026-13-45",
  "%ED%A0%80", // a lone surrogate, UTF-8 encoded (CESU): not valid UTF-8
  encodeURIComponent("a\u0000b")
]

/**
 * `s` percent-encoded as a client would send it; a lone surrogate, which `encodeURIComponent`
 * refuses, goes as its 3-byte (CESU-8) form, which is not valid UTF-8.
 */
export const encodeHostile = (s: string): string =>
  [...s]
    .map((c) => {
      const code = c.charCodeAt(0)
      if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(c)
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join("")
    })
    .join("")

const resolve = (schema: JsonSchema, defs: Definitions): JsonSchema => {
  if (!schema.$ref) return schema
  const name = schema.$ref.replace(/^#\/(\$defs|definitions|components\/schemas)\//, "")
  return resolve(defs[name] ?? {}, defs)
}

/** The sample of a `format: "date"` field: a real day, so the field's own check is what is swept. */
const SAMPLE_DATE = "2026-01-31"
/**
 * The sample of a `format: "idempotency-key"` field, replaced by a fresh key in every input:
 * one key for all would make each later create a refused reuse, and hide what it would do.
 */
const FRESH_KEY = "\u0000fresh idempotency key"
let keys = 0

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type) as string

/** A value `schema` accepts, as far as its JSON Schema says (refinements it cannot say are the server's). */
export const sample = (input: JsonSchema, defs: Definitions, depth = 0): unknown => {
  const schema = resolve(input, defs)
  if (depth > 6) return null
  if ("const" in schema) return schema.const
  if (schema.enum) return schema.enum[0]
  const choices = schema.anyOf ?? schema.oneOf
  if (choices) {
    const first = choices.find((c) => typeOf(resolve(c, defs)) !== "null") ?? choices[0]!
    return sample(first, defs, depth + 1)
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(s, defs, depth + 1)))
  switch (typeOf(schema)) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, defs, depth + 1)])
      )
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sample(schema.items ?? {}, defs, depth + 1)
      )
    case "string":
      if (schema.format === "date-time") return new Date().toISOString()
      if (schema.format === "date") return SAMPLE_DATE
      if (schema.format === "idempotency-key") return FRESH_KEY
      return "x".repeat(Math.max(1, schema.minLength ?? 1))
    case "integer":
    case "number":
      return Math.max(1, schema.minimum ?? 1)
    case "boolean":
      return true
    case "null":
      return null
    default:
      return "x"
  }
}

type Path = ReadonlyArray<string | number>

/** The paths of every text and number in a sampled value. */
const leaves = (value: unknown, at: Path = []): ReadonlyArray<{ path: Path; kind: "string" | "number" }> => {
  if (typeof value === "string") return [{ path: at, kind: "string" }]
  if (typeof value === "number") return [{ path: at, kind: "number" }]
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]))
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]))
  return []
}

const replaced = (value: unknown, path: Path, by: unknown): unknown => {
  if (path.length === 0) return by
  const [head, ...rest] = path
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v))
  const record = value as Record<string, unknown>
  return { ...record, [head as string]: replaced(record[head as string], rest, by) }
}

export interface HostileInput {
  /** What the input is, for the report: `title = "%ff"`. */
  readonly label: string
  readonly value: unknown
  /** It must be refused with a 4xx (an impossible date in a date field), not merely not 5xx. */
  readonly mustRefuse?: boolean
}

const freshKeys = (value: unknown): unknown => {
  if (value === FRESH_KEY) return `hostile-${++keys}`
  if (Array.isArray(value)) return value.map(freshKeys)
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, freshKeys(v)]))
  return value
}

/** The sampled value, the wrong shapes, and the sample with each field made hostile in turn. */
export const hostileInputs = (schema: JsonSchema, defs: Definitions): ReadonlyArray<HostileInput> => {
  const base = sample(schema, defs)
  const out: HostileInput[] = [
    { label: "a plausible input", value: base },
    { label: "null", value: null },
    { label: "an array", value: [] },
    { label: "a string", value: "%ff" }
  ]
  for (const leaf of leaves(base)) {
    const name = leaf.path.join(".") || "(input)"
    const values = leaf.kind === "string" ? hostileStrings : hostileNumbers
    const isDate =
      leaf.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], base) === SAMPLE_DATE
    for (const v of values)
      out.push({
        label: `${name} = ${JSON.stringify(v)}`,
        value: replaced(base, leaf.path, v),
        ...(isDate && impossibleDates.includes(v as string) ? { mustRefuse: true } : {})
      })
  }
  return out.map((i) => ({ ...i, value: freshKeys(i.value) }))
}
