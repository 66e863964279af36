/**
 * @module Decoding untrusted input with Effect Schema into `Invalid` errors that name
 * each wrong field, so every edge (tRPC, REST, CLI, jobs) reports bad input the same way.
 */
import { Effect, Schema, SchemaIssue } from "effect"
import { Invalid } from "./errors"

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

export interface FieldIssue {
  /** The field's path, dotted: `holidays.0`. */
  readonly path: string
  readonly message: string
  /** The failed check's `reason` annotation, so the console can say it in the reader's language. */
  readonly reason?: string
}

/**
 * Effect's Standard Schema issues (path and English message), each also carrying the
 * `reason` of the check that failed when that check has one.
 */
const walk = (issue: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>): Array<PathIssue> => {
  switch (issue._tag) {
    case "Pointer":
      return walk(issue.issue, [...path, ...issue.path])
    case "Encoding":
      return walk(issue.issue, path)
    case "Composite":
      return issue.issues.flatMap((i) => walk(i, path))
    case "AnyOf":
      if (issue.issues.length > 0) return issue.issues.flatMap((i) => walk(i, path))
      break
    case "Filter": {
      const reason = issue.filter.annotations?.reason
      if (typeof reason === "string") return formatted(issue, path).map((i) => ({ ...i, reason }))
    }
  }
  return formatted(issue, path)
}

const formatted = (issue: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>): Array<PathIssue> =>
  formatter(issue).issues.map((i) => ({
    path: [...path, ...(i.path ?? []).map((p) => (typeof p === "object" ? p.key : p))],
    message: i.message
  }))

/** A Standard Schema issue (the path as keys), with the failed check's reason when it has one. */
export interface PathIssue extends Omit<FieldIssue, "path"> {
  readonly path: ReadonlyArray<PropertyKey>
}

export const standardIssuesOf = (issue: SchemaIssue.Issue): Array<PathIssue> => walk(issue, [])

export const issuesOf = (issue: SchemaIssue.Issue): Array<FieldIssue> =>
  walk(issue, []).map((i) => ({ ...i, path: i.path.map(String).join(".") }))

export const invalidFrom = (issue: SchemaIssue.Issue): Invalid => {
  const issues = issuesOf(issue)
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")
  return new Invalid({ message: message || "The input is not valid", issues })
}

/** Decode `input` with `schema`, failing with an `Invalid` that lists every wrong field. */
export const decode =
  <S extends Schema.Constraint>(schema: S) =>
  (input: unknown): Effect.Effect<S["Type"], Invalid, S["DecodingServices"]> =>
    Schema.decodeUnknownEffect(schema)(input, { errors: "all" }).pipe(
      Effect.mapError((e) => invalidFrom(e.issue))
    )
